using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IStaleNudgeStore"/> over the stored postmortems.</summary>
public sealed class InMemoryStaleNudgeStore(InMemoryStorage storage) : IStaleNudgeStore
{
    public Task<IReadOnlyList<StaleDraft>> ListStaleDraftsAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        storage.RunAsync<IReadOnlyList<StaleDraft>>(
            () =>
            [
                .. storage.Postmortems.Values
                    .Select(p => p.State)
                    .Where(s => s.Status == PostmortemStatus.Draft && s.UpdatedAt < updatedBefore)
                    .Where(s => !storage.Nudges.Contains((s.Id.Value, s.UpdatedAt.UtcTicks)))
                    .OrderBy(s => s.UpdatedAt.UtcTicks).ThenBy(s => s.Id.Value)
                    .Select(s => new StaleDraft(s.Id, s.GuildId, InMemoryStorage.Utc(s.UpdatedAt))),
            ],
            cancellationToken);

    public Task<bool> RecordStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Nudges.Add((postmortemId.Value, activityAt.UtcTicks)), cancellationToken);

    public Task<bool> HasStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Nudges.Contains((postmortemId.Value, activityAt.UtcTicks)), cancellationToken);
}
