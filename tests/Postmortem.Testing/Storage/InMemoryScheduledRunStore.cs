using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IScheduledRunStore"/>.</summary>
public sealed class InMemoryScheduledRunStore(InMemoryStorage storage) : IScheduledRunStore
{
    public Task<bool> HasRunAsync(string jobKey, DateTimeOffset slot, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Runs.ContainsKey((jobKey, slot.UtcTicks)), cancellationToken);

    public Task<bool> RecordAsync(string jobKey, DateTimeOffset slot, DateTimeOffset ranAt, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Runs.TryAdd((jobKey, slot.UtcTicks), InMemoryStorage.Utc(ranAt)), cancellationToken);

    public Task<DateTimeOffset?> LatestSlotAsync(string jobKey, CancellationToken cancellationToken = default) =>
        storage.RunAsync(
            () =>
            {
                var slots = storage.Runs.Keys.Where(k => k.JobKey == jobKey).Select(k => k.SlotTicks).ToList();
                return slots.Count == 0 ? (DateTimeOffset?)null : new DateTimeOffset(slots.Max(), TimeSpan.Zero);
            },
            cancellationToken);
}
