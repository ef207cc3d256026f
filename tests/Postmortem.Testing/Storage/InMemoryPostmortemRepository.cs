using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IPostmortemRepository"/>: versions checked and projection and change queue written under one lock.</summary>
public sealed class InMemoryPostmortemRepository(InMemoryStorage storage) : IPostmortemRepository
{
    public Task<PostmortemId> CreateAsync(Core.Postmortem draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Id.IsAssigned)
        {
            throw new ArgumentException($"Postmortem {draft.Id} was already created; save it instead.", nameof(draft));
        }

        var rows = ActionItemProjection.RowsOf(draft);
        return storage.RunAsync(
            () =>
            {
                var id = new PostmortemId(++storage.LastPostmortemId);
                var state = draft.ToState() with { Id = id, Version = 1 };
                storage.Postmortems[id.Value] = InMemoryStorage.StoredPostmortem.Of(state, rows, rows.ToDictionary(r => r.ItemId, _ => InMemoryStorage.Utc(state.UpdatedAt)));
                foreach (var row in rows)
                {
                    storage.Dirty.Add(new ReminderKey(id, row.ItemId));
                }

                return id;
            },
            cancellationToken);
    }

    public Task<Core.Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Postmortems.TryGetValue(id.Value, out var stored) ? stored.Load() : null, cancellationToken);

    public Task SaveAsync(PostmortemSave save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        var postmortem = save.Postmortem;
        if (!postmortem.Id.IsAssigned)
        {
            throw new ArgumentException("A postmortem must be created before it is saved.", nameof(save));
        }

        var state = postmortem.ToState() with { Version = save.ExpectedVersion + 1 };
        var rows = ActionItemProjection.RowsOf(postmortem);
        return storage.RunAsync(
            () =>
            {
                if (!storage.Postmortems.TryGetValue(postmortem.Id.Value, out var stored) || stored.Version != save.ExpectedVersion)
                {
                    throw new ConcurrencyException(postmortem.Id, save.ExpectedVersion);
                }

                var changes = ActionItemProjection.Compare(stored.Rows, rows);
                var updatedAt = new Dictionary<int, DateTimeOffset>(stored.RowUpdatedAt);
                foreach (var row in changes.Added.Concat(changes.Changed))
                {
                    updatedAt[row.ItemId] = InMemoryStorage.Utc(state.UpdatedAt);
                }

                foreach (var removed in changes.Removed)
                {
                    updatedAt.Remove(removed);
                }

                storage.Postmortems[postmortem.Id.Value] = InMemoryStorage.StoredPostmortem.Of(state, rows, updatedAt);
                foreach (var itemId in changes.ReminderChanges)
                {
                    storage.Dirty.Add(new ReminderKey(postmortem.Id, itemId));
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<PostmortemSummary>> ListAsync(
        string guildId,
        string? search = null,
        int limit = 25,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var folded = string.IsNullOrWhiteSpace(search) ? null : search.Trim().ToLowerInvariant();
        return storage.RunAsync<IReadOnlyList<PostmortemSummary>>(
            () =>
            [
                .. storage.Postmortems.Values
                    .Select(p => p.State)
                    .Where(s => s.GuildId == guildId && (folded is null || s.Title.ToLowerInvariant().Contains(folded, StringComparison.Ordinal)))
                    .OrderByDescending(s => s.UpdatedAt.UtcTicks)
                    .ThenByDescending(s => s.Id.Value)
                    .Take(Math.Min(limit, StorageLimits.MaxPostmortemList))
                    .Select(s => new PostmortemSummary(s.Id, s.Title, s.Status, InMemoryStorage.Utc(s.UpdatedAt), s.ThreadId)),
            ],
            cancellationToken);
    }

    public Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return storage.RunAsync(
            () => storage.Postmortems.Values
                .Where(p => p.State.ThreadId == threadId)
                .MaxBy(p => p.State.Id.Value)?.Load(),
            cancellationToken);
    }
}
