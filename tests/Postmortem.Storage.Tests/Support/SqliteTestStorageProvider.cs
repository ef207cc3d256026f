using Postmortem.Core.Guilds;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.Tests.Support;

/// <summary>SQLite as a <see cref="ITestStorageProvider"/>: a migrated file in its own temp folder per storage.</summary>
internal sealed class SqliteTestStorageProvider(StorageOptions? options = null) : ITestStorageProvider
{
    public string Name => "sqlite";

    public async Task<TestStorage> CreateAsync(GuildDefaults? guildDefaults = null) =>
        new SqliteTestStorage(await TestDatabase.CreateAsync(options, guildDefaults: guildDefaults));

    private sealed class SqliteTestStorage(TestDatabase database) : TestStorage
    {
        private readonly List<TestDatabase> _reopened = [];

        public override StoragePorts Ports => database.Ports;

        public override Task<StoragePorts> ReopenAsync()
        {
            var reopened = database.Reopen();
            _reopened.Add(reopened);
            return Task.FromResult(reopened.Ports);
        }

        protected override ValueTask ReleaseAsync()
        {
            foreach (var reopened in _reopened)
            {
                reopened.Dispose();
            }

            database.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
