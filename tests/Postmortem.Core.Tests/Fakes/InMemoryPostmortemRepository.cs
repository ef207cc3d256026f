using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Testing.Storage;

namespace Postmortem.Core.Tests.Fakes;

/// <summary>
/// The shared in-memory storage (<see cref="InMemoryStorage"/>, which keeps postmortems as JSON, so every test that
/// goes through it also proves the state survives a round trip), with hooks for simulating another writer.
/// </summary>
public sealed class InMemoryPostmortemRepository : IPostmortemRepository
{
    private readonly IPostmortemRepository _inner = new InMemoryStorage().Ports.Postmortems;
    private int _saveCalls;
    private int _conflicts;

    /// <summary>Runs inside SaveAsync right before the version check, to simulate another writer winning.</summary>
    public Func<PostmortemId, Task>? BeforeSave { get; set; }

    public int SaveCalls => Volatile.Read(ref _saveCalls);

    public int ConflictCount => Volatile.Read(ref _conflicts);

    public Task<PostmortemId> CreateAsync(Core.Postmortem draft, CancellationToken cancellationToken = default) =>
        _inner.CreateAsync(draft, cancellationToken);

    public Task<Core.Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default) =>
        _inner.GetAsync(id, cancellationToken);

    public async Task SaveAsync(PostmortemSave save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (BeforeSave is { } hook)
        {
            await hook(save.Postmortem.Id);
        }

        Interlocked.Increment(ref _saveCalls);
        try
        {
            await _inner.SaveAsync(save, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task<IReadOnlyList<PostmortemSummary>> ListAsync(string guildId, string? search = null, int limit = 25, CancellationToken cancellationToken = default) =>
        _inner.ListAsync(guildId, search, limit, cancellationToken);

    public Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default) =>
        _inner.FindByThreadAsync(threadId, cancellationToken);

    /// <summary>Simulates another writer: applies a change to the stored copy and saves it, bumping its version.</summary>
    public void WriteBehindTheServicesBack(PostmortemId id, Action<Core.Postmortem> change)
    {
        var postmortem = _inner.GetAsync(id).GetAwaiter().GetResult()!;
        change(postmortem);
        _inner.SaveAsync(postmortem, postmortem.Version).GetAwaiter().GetResult();
    }
}
