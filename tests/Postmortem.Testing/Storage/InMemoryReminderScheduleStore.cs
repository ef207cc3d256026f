using Postmortem.Core.Application;
using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IReminderScheduleStore"/>: schedule rows, the change queue and the delivery log.</summary>
public sealed class InMemoryReminderScheduleStore(InMemoryStorage storage) : IReminderScheduleStore
{
    public Task<ReminderSyncBatch> SyncDirtyAsync(Func<DirtyReminder, ReminderScheduleRow?> decide, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return storage.RunAsync(
            () =>
            {
                // Decide everything first: a decision that throws leaves the store as it was, like a rolled-back transaction.
                var decisions = new List<(ReminderKey Key, ReminderScheduleRow? Row)>();
                foreach (var key in storage.Dirty.Take(batchSize))
                {
                    var item = storage.Postmortems.TryGetValue(key.PostmortemId.Value, out var stored)
                        ? stored.Views.FirstOrDefault(v => v.ItemId == key.ItemId)
                        : null;
                    var row = decide(new DirtyReminder(key, item, storage.Schedule.GetValueOrDefault(key)));
                    if (row is not null && row.Key != key)
                    {
                        throw new InvalidOperationException($"The decision for {key} returned a row for {row.Key}.");
                    }

                    decisions.Add((key, row is null ? null : Normalize(row)));
                }

                DateTimeOffset? earliest = null;
                foreach (var (key, row) in decisions)
                {
                    if (row is null)
                    {
                        storage.Schedule.Remove(key);
                    }
                    else
                    {
                        storage.Schedule[key] = row;
                        if (row.NextAt is { } next && (earliest is null || next < earliest))
                        {
                            earliest = next;
                        }
                    }

                    storage.Dirty.Remove(key);
                }

                return new ReminderSyncBatch(decisions.Count, earliest);
            },
            cancellationToken);
    }

    public Task MarkGuildDirtyAsync(string guildId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return storage.RunAsync(
            () =>
            {
                foreach (var row in storage.Schedule.Values.Where(r => r.GuildId == guildId))
                {
                    storage.Dirty.Add(row.Key);
                }
            },
            cancellationToken);
    }

    public Task MarkDirtyAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Dirty.Add(key), cancellationToken);

    public Task<IReadOnlyList<ReminderScheduleRow>> ListDueAsync(DateTimeOffset now, ReminderScheduleRow? after = null, int limit = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, StorageLimits.MaxDuePage);
        var afterAt = after is null ? (DateTimeOffset?)null : after.NextAt ?? now;
        return storage.RunAsync<IReadOnlyList<ReminderScheduleRow>>(
            () =>
            [
                .. storage.Schedule.Values
                    .Where(r => r.NextAt is { } next && next <= now)
                    .Where(r => after is null || Compare(r.NextAt!.Value, r.Key, afterAt!.Value, after.Key) > 0)
                    .OrderBy(r => r.NextAt!.Value.UtcTicks).ThenBy(r => r.Key.PostmortemId.Value).ThenBy(r => r.Key.ItemId)
                    .Take(limit),
            ],
            cancellationToken);
    }

    public Task<DateTimeOffset?> EarliestNextAtAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Schedule.Values.Where(r => r.NextAt is not null).Min(r => r.NextAt), cancellationToken);

    public Task<DateTimeOffset?> EarliestNextAtAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Schedule.Values.Where(r => r.NextAt > after).Min(r => r.NextAt), cancellationToken);

    public Task<ReminderScheduleRow?> GetAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Schedule.GetValueOrDefault(key), cancellationToken);

    public Task RecordDeliveryAsync(ReminderDeliveryRecord delivery, ReminderScheduleRow read, DateTimeOffset? nextAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(read);
        return storage.RunAsync(
            () =>
            {
                storage.Deliveries.TryAdd(
                    (delivery.Key, delivery.Slot.UtcTicks),
                    delivery with { Slot = InMemoryStorage.Utc(delivery.Slot), SentAt = InMemoryStorage.Utc(delivery.SentAt) });
                Update(read, row => row with
                {
                    LastSlotSent = InMemoryStorage.Utc(delivery.Slot),
                    Attempts = 0,
                    LastError = null,
                    NextAt = row.SnoozedUntil == read.SnoozedUntil ? InMemoryStorage.Utc(nextAt) : row.NextAt,
                });
            },
            cancellationToken);
    }

    public Task RecordRetryAsync(ReminderScheduleRow read, int attempts, DateTimeOffset retryAt, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return storage.RunAsync(
            () => Update(read, row => row with { Attempts = attempts, NextAt = InMemoryStorage.Utc(retryAt), LastError = error }),
            cancellationToken);
    }

    public Task SetNextAtAsync(ReminderScheduleRow read, DateTimeOffset? nextAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return storage.RunAsync(() => Update(read, row => row with { NextAt = InMemoryStorage.Utc(nextAt) }), cancellationToken);
    }

    public Task<bool> SnoozeAsync(ReminderKey key, DateTimeOffset until, DateTimeOffset? nextAt, CancellationToken cancellationToken = default) =>
        storage.RunAsync(
            () =>
            {
                if (!storage.Schedule.TryGetValue(key, out var row))
                {
                    return false;
                }

                storage.Schedule[key] = row with { SnoozedUntil = InMemoryStorage.Utc(until), NextAt = InMemoryStorage.Utc(nextAt) };
                return true;
            },
            cancellationToken);

    public Task<bool> HasDeliveryAsync(ReminderKey key, DateTimeOffset slot, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Deliveries.ContainsKey((key, slot.UtcTicks)), cancellationToken);

    public Task<IReadOnlyList<ReminderDeliveryRecord>> ListDeliveriesAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        storage.RunAsync<IReadOnlyList<ReminderDeliveryRecord>>(
            () => [.. storage.Deliveries.Where(d => d.Key.Key == key).OrderBy(d => d.Key.SlotTicks).Select(d => d.Value)],
            cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => (long)storage.Schedule.Count, cancellationToken);

    public Task<long> CountDirtyAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => (long)storage.Dirty.Count, cancellationToken);

    // Only the row that was read (same owner and due date) is changed; a rescheduled item belongs to the sync.
    private void Update(ReminderScheduleRow read, Func<ReminderScheduleRow, ReminderScheduleRow> change)
    {
        if (storage.Schedule.TryGetValue(read.Key, out var row) && row.OwnerId == read.OwnerId && row.Due == read.Due)
        {
            storage.Schedule[read.Key] = change(row);
        }
    }

    private static int Compare(DateTimeOffset at, ReminderKey key, DateTimeOffset otherAt, ReminderKey other)
    {
        var byTime = at.UtcTicks.CompareTo(otherAt.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPostmortem = key.PostmortemId.Value.CompareTo(other.PostmortemId.Value);
        return byPostmortem != 0 ? byPostmortem : key.ItemId.CompareTo(other.ItemId);
    }

    private static ReminderScheduleRow Normalize(ReminderScheduleRow row) => row with
    {
        Since = InMemoryStorage.Utc(row.Since),
        NextAt = InMemoryStorage.Utc(row.NextAt),
        LastSlotSent = InMemoryStorage.Utc(row.LastSlotSent),
        SnoozedUntil = InMemoryStorage.Utc(row.SnoozedUntil),
    };
}
