using System.Text.Json;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Tests.Fakes;

/// <summary>
/// Keeps postmortems as serialized state (through <see cref="PostmortemJsonContext"/>), so every test that goes
/// through it also proves the state survives a JSON round trip.
/// </summary>
public sealed class InMemoryPostmortemRepository : IPostmortemRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<PostmortemId, (long Version, string Json)> _rows = [];
    private long _nextId = 1;

    /// <summary>Runs inside SaveAsync right before the version check, to simulate another writer winning.</summary>
    public Func<PostmortemId, Task>? BeforeSave { get; set; }

    public int SaveCalls { get; private set; }

    public int ConflictCount { get; private set; }

    public Task<PostmortemId> CreateAsync(Core.Postmortem draft, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var id = new PostmortemId(_nextId++);
            _rows[id] = (1, Serialize(draft.ToState() with { Id = id, Version = 1 }));
            return Task.FromResult(id);
        }
    }

    public Task<Core.Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(id, out var row) ? Load(row) : null);
        }
    }

    public async Task SaveAsync(Core.Postmortem postmortem, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (BeforeSave is { } hook)
        {
            await hook(postmortem.Id);
        }

        lock (_gate)
        {
            SaveCalls++;
            if (!_rows.TryGetValue(postmortem.Id, out var row) || row.Version != expectedVersion)
            {
                ConflictCount++;
                throw new ConcurrencyException(postmortem.Id, expectedVersion);
            }

            _rows[postmortem.Id] = (expectedVersion + 1, Serialize(postmortem.ToState() with { Version = expectedVersion + 1 }));
        }
    }

    public Task<IReadOnlyList<PostmortemSummary>> ListAsync(
        string guildId,
        string? search = null,
        int limit = 25,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<PostmortemSummary> list =
            [
                .. _rows.Values.Select(Load)
                    .Where(p => p.GuildId == guildId && (search is null || p.Title.Contains(search, StringComparison.OrdinalIgnoreCase)))
                    .OrderByDescending(p => p.UpdatedAt)
                    .Take(limit)
                    .Select(p => new PostmortemSummary(p.Id, p.Title, p.Status, p.UpdatedAt, p.ThreadId)),
            ];
            return Task.FromResult(list);
        }
    }

    public Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.Values.Select(Load).FirstOrDefault(p => p.ThreadId == threadId));
        }
    }

    /// <summary>Simulates another writer: applies a change directly to the stored copy and bumps its version.</summary>
    public void WriteBehindTheServicesBack(PostmortemId id, Action<Core.Postmortem> change)
    {
        lock (_gate)
        {
            var row = _rows[id];
            var postmortem = Load(row);
            change(postmortem);
            _rows[id] = (row.Version + 1, Serialize(postmortem.ToState() with { Version = row.Version + 1 }));
        }
    }

    private static string Serialize(PostmortemState state) =>
        JsonSerializer.Serialize(state, PostmortemJsonContext.Default.PostmortemState);

    private static Core.Postmortem Load((long Version, string Json) row) =>
        Core.Postmortem.FromState(JsonSerializer.Deserialize(row.Json, PostmortemJsonContext.Default.PostmortemState)!);
}
