namespace Postmortem.Core.Reminders;

/// <summary>
/// The reminder schedule (one <see cref="ReminderScheduleRow"/> per open action item with an owner and a due date),
/// its change queue (items to recompute, filled by <see cref="Application.IPostmortemRepository"/> in the save's own
/// transaction and by the Mark methods here) and its delivery log (one <see cref="ReminderDeliveryRecord"/> per item
/// and slot). Instants are returned in UTC and equal, to the tick, to what was written.
/// </summary>
/// <remarks>
/// Delivery is at least once and never skipped: a row stays due until <see cref="RecordDeliveryAsync"/> advances it,
/// and the delivery log holds at most one record per (item, slot), so a slot delivered before a crash is recognised
/// after it (<see cref="HasDeliveryAsync"/>).
/// </remarks>
public interface IReminderScheduleStore
{
    /// <summary>
    /// Takes up to <paramref name="batchSize"/> (1 or more) queue entries, oldest key first (by postmortem id, then
    /// item id), hands each to <paramref name="decide"/> with the item's projection row now and its schedule row, and
    /// writes the decision (a row to keep, which must have the entry's key, else
    /// <see cref="InvalidOperationException"/> and nothing is written; or null to remove the row) and removes the
    /// entry, all in one transaction. A change queued while a batch is decided is never lost: it is either in this
    /// batch with the projection as that change left it, or it stays queued for the next batch.
    /// </summary>
    /// <returns>How many entries were handled (fewer than <paramref name="batchSize"/> when the queue is now empty) and the earliest NextAt written.</returns>
    Task<ReminderSyncBatch> SyncDirtyAsync(
        Func<DirtyReminder, ReminderScheduleRow?> decide,
        int batchSize = 500,
        CancellationToken cancellationToken = default);

    /// <summary>Queues every item of a guild that has a schedule row for recomputation (its settings changed). Idempotent.</summary>
    Task MarkGuildDirtyAsync(string guildId, CancellationToken cancellationToken = default);

    /// <summary>Queues one item for recomputation (whether or not it exists); queuing a queued item again is a no-op.</summary>
    Task MarkDirtyAsync(ReminderKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rows whose NextAt is at or before <paramref name="now"/>, ordered by NextAt, then postmortem id, then item id,
    /// as keyset pages of 1 to <see cref="Application.StorageLimits.MaxDuePage"/> rows (else
    /// <see cref="ArgumentOutOfRangeException"/>): pass the last row of the previous page as <paramref name="after"/>
    /// to get the rows strictly after it in that order.
    /// </summary>
    Task<IReadOnlyList<ReminderScheduleRow>> ListDueAsync(
        DateTimeOffset now,
        ReminderScheduleRow? after = null,
        int limit = 500,
        CancellationToken cancellationToken = default);

    /// <summary>The earliest NextAt of all rows (null when nothing is scheduled).</summary>
    Task<DateTimeOffset?> EarliestNextAtAsync(CancellationToken cancellationToken = default);

    /// <summary>The earliest NextAt strictly after <paramref name="after"/> (null when there is none).</summary>
    Task<DateTimeOffset?> EarliestNextAtAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default);

    /// <summary>The schedule row of an item, or null when it has none.</summary>
    Task<ReminderScheduleRow?> GetAsync(ReminderKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: adds <paramref name="delivery"/> to the log unless a record for its (item, slot) exists
    /// (the first record stays, so recording twice is harmless), and advances the row that was
    /// <paramref name="read"/>: LastSlotSent becomes the slot, Attempts 0, LastError null, and NextAt
    /// <paramref name="nextAt"/>, except when the row's SnoozedUntil differs from <paramref name="read"/>'s (a
    /// snooze arrived while the reminder was in flight: its NextAt stands). Nothing is advanced when the row is gone
    /// or now has another owner or due date (the item was rescheduled; the sync owns it); the record is still added.
    /// </summary>
    Task RecordDeliveryAsync(
        ReminderDeliveryRecord delivery,
        ReminderScheduleRow read,
        DateTimeOffset? nextAt,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A send failed for now: sets Attempts, LastError and NextAt = <paramref name="retryAt"/> on the row that was
    /// <paramref name="read"/>, unless it is gone or now has another owner or due date.
    /// </summary>
    Task RecordRetryAsync(
        ReminderScheduleRow read,
        int attempts,
        DateTimeOffset retryAt,
        string error,
        CancellationToken cancellationToken = default);

    /// <summary>Corrects a row's NextAt (e.g. it was due but no slot was, after a snooze), unless it is gone or now has another owner or due date.</summary>
    Task SetNextAtAsync(ReminderScheduleRow read, DateTimeOffset? nextAt, CancellationToken cancellationToken = default);

    /// <summary>Sets SnoozedUntil and NextAt of an item's row; false when it has no row (closed, or no owner or due date).</summary>
    Task<bool> SnoozeAsync(ReminderKey key, DateTimeOffset until, DateTimeOffset? nextAt, CancellationToken cancellationToken = default);

    /// <summary>Whether the log holds a record for this item and slot.</summary>
    Task<bool> HasDeliveryAsync(ReminderKey key, DateTimeOffset slot, CancellationToken cancellationToken = default);

    /// <summary>The delivery log of one item, oldest slot first.</summary>
    Task<IReadOnlyList<ReminderDeliveryRecord>> ListDeliveriesAsync(ReminderKey key, CancellationToken cancellationToken = default);

    /// <summary>How many items have a schedule row.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>How many items wait in the change queue.</summary>
    Task<long> CountDirtyAsync(CancellationToken cancellationToken = default);
}
