using Postmortem.Core.Guilds;

namespace Postmortem.Testing.Storage;

/// <summary>
/// Makes empty storages of one adapter for tests (the in-memory fake here; each adapter's test project has its
/// own). The storage contract suite and fixtures are written against this, so they run on every adapter.
/// </summary>
public interface ITestStorageProvider
{
    /// <summary>The adapter's name, for test output.</summary>
    string Name { get; }

    /// <summary>A new, empty storage; guilds without settings get <paramref name="guildDefaults"/> (UTC when null).</summary>
    Task<TestStorage> CreateAsync(GuildDefaults? guildDefaults = null);
}

/// <summary>One empty storage made for a test, deleted when disposed.</summary>
public abstract class TestStorage : IAsyncDisposable
{
    /// <summary>The ports as first opened.</summary>
    public abstract StoragePorts Ports { get; }

    /// <summary>The same data through brand-new objects (and fresh connections), as after a restart.</summary>
    public abstract Task<StoragePorts> ReopenAsync();

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;
}

/// <summary>The in-memory fake as a <see cref="ITestStorageProvider"/>.</summary>
public sealed class InMemoryTestStorageProvider : ITestStorageProvider
{
    public string Name => "in-memory";

    public Task<TestStorage> CreateAsync(GuildDefaults? guildDefaults = null) =>
        Task.FromResult<TestStorage>(new InMemoryTestStorage(new InMemoryStorage(guildDefaults)));

    private sealed class InMemoryTestStorage(InMemoryStorage storage) : TestStorage
    {
        public override StoragePorts Ports => storage.Ports;

        public override Task<StoragePorts> ReopenAsync() => Task.FromResult(storage.Connect());
    }
}
