using LiteDB;
using LiteDB.Engine;
using Postmortem.Core.Application;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.ActionItems;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Reminders;

/// <summary>
/// The reminder schedule (<see cref="LiteDbSchema.ReminderSchedule"/>), its change queue
/// (<see cref="LiteDbSchema.ReminderDirty"/>, filled by the postmortem repository in the save's own transaction:
/// LiteDB has no triggers) and the delivery log (<see cref="LiteDbSchema.ReminderDeliveries"/>, one document per
/// item and slot, keyed by both). Every call is one transaction on the engine thread, so nothing can be queued
/// between reading a batch and removing its entries.
/// </summary>
public sealed class LiteDbReminderScheduleStore(LiteDbDatabase database) : IReminderScheduleStore
{
    public Task<ReminderSyncBatch> SyncDirtyAsync(Func<DirtyReminder, ReminderScheduleRow?> decide, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return database.RunAsync(
            engine =>
            {
                // Decide everything first: a decision that throws rolls the transaction back with nothing written.
                var decisions = new List<(BsonValue Id, ReminderScheduleRow? Row)>();
                foreach (var entry in engine.Find(LiteDbSchema.ReminderDirty, orderBy: BsonExpression.Create("_id"), limit: batchSize))
                {
                    var key = new ReminderKey(new Core.Postmortems.PostmortemId(entry["pm"].AsInt64), entry["item"].AsInt32);
                    var existing = engine.FindById(LiteDbSchema.ReminderSchedule, ReminderDocuments.Id(key)) is { } document
                        ? ReminderDocuments.ToRow(document)
                        : null;
                    var row = decide(new DirtyReminder(key, ActionItemDocuments.Find(engine, key), existing));
                    if (row is not null && row.Key != key)
                    {
                        throw new InvalidOperationException($"The decision for {key} returned a row for {row.Key}.");
                    }

                    decisions.Add((entry["_id"], row));
                }

                DateTimeOffset? earliest = null;
                foreach (var (id, row) in decisions)
                {
                    if (row is null)
                    {
                        engine.Delete(LiteDbSchema.ReminderSchedule, [id]);
                    }
                    else
                    {
                        engine.Upsert(LiteDbSchema.ReminderSchedule, ReminderDocuments.ToDocument(row));
                        if (row.NextAt is { } next && (earliest is null || next < earliest))
                        {
                            earliest = next;
                        }
                    }
                }

                if (decisions.Count > 0)
                {
                    engine.Delete(LiteDbSchema.ReminderDirty, decisions.Select(d => d.Id));
                }

                return new ReminderSyncBatch(decisions.Count, earliest?.ToUniversalTime());
            },
            cancellationToken);
    }

    public Task MarkGuildDirtyAsync(string guildId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return database.RunAsync(
            engine =>
            {
                foreach (var document in engine.Find(LiteDbSchema.ReminderSchedule, BsonExpression.Create("guild = @0", guildId)))
                {
                    ActionItemDocuments.QueueReminder(engine, ReminderDocuments.ToRow(document).Key);
                }
            },
            cancellationToken);
    }

    public Task MarkDirtyAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        database.RunAsync(engine => ActionItemDocuments.QueueReminder(engine, key), cancellationToken);

    public Task<IReadOnlyList<ReminderScheduleRow>> ListDueAsync(DateTimeOffset now, ReminderScheduleRow? after = null, int limit = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, StorageLimits.MaxDuePage);

        // Inclusive bounds over fixed-width keys: just after the previous row, up to every key of this tick.
        var from = after is null ? "" : ReminderDocuments.NextKey(after.NextAt ?? now, after.Key) + "\0";
        var to = BsonValues.Fixed(now.UtcTicks) + "/~";
        return database.RunAsync<IReadOnlyList<ReminderScheduleRow>>(
            engine =>
            [
                .. engine.Find(
                        LiteDbSchema.ReminderSchedule,
                        BsonExpression.Create("nextKey BETWEEN @0 AND @1", from, to),
                        BsonExpression.Create("nextKey"),
                        limit: limit)
                    .Select(ReminderDocuments.ToRow),
            ],
            cancellationToken);
    }

    public Task<DateTimeOffset?> EarliestNextAtAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(engine => FirstNextAt(engine, BsonExpression.Create("nextKey > @0", "")), cancellationToken);

    public Task<DateTimeOffset?> EarliestNextAtAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            engine => FirstNextAt(engine, BsonExpression.Create("nextKey >= @0", BsonValues.Fixed(after.UtcTicks + 1))),
            cancellationToken);

    public Task<ReminderScheduleRow?> GetAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            engine => engine.FindById(LiteDbSchema.ReminderSchedule, ReminderDocuments.Id(key)) is { } document ? ReminderDocuments.ToRow(document) : null,
            cancellationToken);

    public Task RecordDeliveryAsync(ReminderDeliveryRecord delivery, ReminderScheduleRow read, DateTimeOffset? nextAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(read);
        return database.RunAsync(
            engine =>
            {
                engine.InsertIfMissing(LiteDbSchema.ReminderDeliveries, ReminderDocuments.ToDocument(delivery));
                Update(engine, read, row => row with
                {
                    LastSlotSent = delivery.Slot.ToUniversalTime(),
                    Attempts = 0,
                    LastError = null,
                    NextAt = row.SnoozedUntil == read.SnoozedUntil ? nextAt : row.NextAt,
                });
            },
            cancellationToken);
    }

    public Task RecordRetryAsync(ReminderScheduleRow read, int attempts, DateTimeOffset retryAt, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return database.RunAsync(
            engine => Update(engine, read, row => row with { Attempts = attempts, NextAt = retryAt, LastError = error }),
            cancellationToken);
    }

    public Task SetNextAtAsync(ReminderScheduleRow read, DateTimeOffset? nextAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return database.RunAsync(engine => Update(engine, read, row => row with { NextAt = nextAt }), cancellationToken);
    }

    public Task<bool> SnoozeAsync(ReminderKey key, DateTimeOffset until, DateTimeOffset? nextAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            engine =>
            {
                if (engine.FindById(LiteDbSchema.ReminderSchedule, ReminderDocuments.Id(key)) is not { } document)
                {
                    return false;
                }

                var row = ReminderDocuments.ToRow(document) with { SnoozedUntil = until, NextAt = nextAt };
                engine.Update(LiteDbSchema.ReminderSchedule, [ReminderDocuments.ToDocument(row)]);
                return true;
            },
            cancellationToken);

    public Task<bool> HasDeliveryAsync(ReminderKey key, DateTimeOffset slot, CancellationToken cancellationToken = default) =>
        database.RunAsync(engine => engine.FindById(LiteDbSchema.ReminderDeliveries, ReminderDocuments.DeliveryId(key, slot)) is not null, cancellationToken);

    public Task<IReadOnlyList<ReminderDeliveryRecord>> ListDeliveriesAsync(ReminderKey key, CancellationToken cancellationToken = default)
    {
        var prefix = ReminderDocuments.Id(key) + "/";
        return database.RunAsync<IReadOnlyList<ReminderDeliveryRecord>>(
            engine =>
            [
                .. engine.Find(
                        LiteDbSchema.ReminderDeliveries,
                        BsonExpression.Create("_id BETWEEN @0 AND @1", prefix, prefix + "~"),
                        BsonExpression.Create("_id"))
                    .Select(ReminderDocuments.ToDelivery),
            ],
            cancellationToken);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(engine => engine.Count(LiteDbSchema.ReminderSchedule), cancellationToken);

    public Task<long> CountDirtyAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(engine => engine.Count(LiteDbSchema.ReminderDirty), cancellationToken);

    private static DateTimeOffset? FirstNextAt(ILiteEngine engine, BsonExpression where) =>
        engine.Find(LiteDbSchema.ReminderSchedule, where, BsonExpression.Create("nextKey"), limit: 1) is [var first]
            ? BsonValues.ToNullableInstant(first["next"])
            : null;

    // Only the row that was read (same owner and due date) is changed; a rescheduled item belongs to the sync.
    private static void Update(ILiteEngine engine, ReminderScheduleRow read, Func<ReminderScheduleRow, ReminderScheduleRow> change)
    {
        if (engine.FindById(LiteDbSchema.ReminderSchedule, ReminderDocuments.Id(read.Key)) is not { } document)
        {
            return;
        }

        var row = ReminderDocuments.ToRow(document);
        if (string.Equals(row.OwnerId, read.OwnerId, StringComparison.Ordinal) && row.Due == read.Due)
        {
            engine.Update(LiteDbSchema.ReminderSchedule, [ReminderDocuments.ToDocument(change(row))]);
        }
    }
}
