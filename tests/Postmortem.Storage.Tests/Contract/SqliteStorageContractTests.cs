using Postmortem.Storage.Contract;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.Tests.Contract;

/// <summary>The storage contract on SQLite, with the repository's state cache on (the default).</summary>
public sealed class SqliteStorageContractTests : StorageContract
{
    protected override ITestStorageProvider Provider { get; } = new SqliteTestStorageProvider();
}

/// <summary>
/// The storage contract on SQLite with the state cache off, so every save reads the replaced projection back
/// instead of taking it from the cache: both paths must keep the projection and the change queue right.
/// </summary>
public sealed class SqliteUncachedStorageContractTests : StorageContract
{
    protected override ITestStorageProvider Provider { get; } =
        new SqliteTestStorageProvider(new StorageOptions { DatabasePath = "postmortems.db", CachedPostmortems = 0 });
}
