using Postmortem.Storage.Contract;
using Postmortem.Testing.Storage;

namespace Postmortem.Core.Tests.Storage;

/// <summary>The storage contract on the in-memory fake: the fake every other test leans on behaves like a real store.</summary>
public sealed class InMemoryStorageContractTests : StorageContract
{
    protected override ITestStorageProvider Provider { get; } = new InMemoryTestStorageProvider();
}
