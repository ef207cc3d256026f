using Postmortem.Core.Guilds;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.LiteDb.Tests.Support;

/// <summary>
/// LiteDB as a <see cref="ITestStorageProvider"/>: a file in its own temp folder per storage. A LiteDB file has one
/// engine per process, so "reopened" ports are new port objects (empty caches) over that engine; the restart tests
/// of this project close and reopen the file itself.
/// </summary>
internal sealed class LiteDbTestStorageProvider(int cachedPostmortems = 64) : ITestStorageProvider
{
    public string Name => "litedb";

    public Task<TestStorage> CreateAsync(GuildDefaults? guildDefaults = null) =>
        Task.FromResult<TestStorage>(new LiteDbTestStorage(TestLiteDb.Create(guildDefaults, cachedPostmortems)));

    private sealed class LiteDbTestStorage(TestLiteDb database) : TestStorage
    {
        public override StoragePorts Ports => database.Ports;

        public override Task<StoragePorts> ReopenAsync() => Task.FromResult(database.Connect());

        protected override ValueTask ReleaseAsync()
        {
            database.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
