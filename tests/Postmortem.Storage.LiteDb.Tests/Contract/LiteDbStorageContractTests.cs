using Postmortem.Storage.Contract;
using Postmortem.Storage.LiteDb.Tests.Support;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.LiteDb.Tests.Contract;

/// <summary>The storage contract on LiteDB, with the repository's state cache on (the default).</summary>
public sealed class LiteDbStorageContractTests : StorageContract
{
    protected override ITestStorageProvider Provider { get; } = new LiteDbTestStorageProvider();
}

/// <summary>
/// The storage contract on LiteDB with the state cache off, so every load reads the state and every save reads the
/// replaced projection back: both paths must keep the projection and the change queue right.
/// </summary>
public sealed class LiteDbUncachedStorageContractTests : StorageContract
{
    protected override ITestStorageProvider Provider { get; } = new LiteDbTestStorageProvider(cachedPostmortems: 0);
}
