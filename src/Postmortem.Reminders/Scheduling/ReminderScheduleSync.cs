using Postmortem.Core.Actions;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Scheduling;

/// <summary>
/// Folds changed action items into <c>reminder_schedule</c>. Triggers on the action item projection queue every
/// change (owner, due date, status, removal) in the same transaction as the postmortem save; this drains that
/// queue. A new owner or due date starts a fresh schedule at the time of the change; everything else keeps
/// what was sent and snoozed.
/// </summary>
public sealed class ReminderScheduleSync(
    IReminderScheduleStore store,
    GuildReminderSettings settings,
    IReminderWakeup wakeup)
{
    public const int BatchSize = 500;

    /// <summary>Drains the queue; returns how many items were recomputed. Wakes the scan for an earlier next_at.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken = default)
    {
        await settings.LoadAsync(cancellationToken);
        var total = 0;
        DateTimeOffset? earliest = null;
        while (true)
        {
            var batch = await store.SyncDirtyAsync(Decide, BatchSize, cancellationToken);
            total += batch.Count;
            if (batch.EarliestNextAt is { } next && (earliest is null || next < earliest))
            {
                earliest = next;
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        if (earliest is { } at)
        {
            await wakeup.WakeAtAsync(at, cancellationToken);
        }

        return total;
    }

    /// <summary>The schedule row an item should have now, or null when it gets no reminders.</summary>
    internal ReminderScheduleRow? Decide(DirtyReminder dirty)
    {
        if (dirty.Item is not { Status: ActionItemStatus.Open, Owner: { } owner, Due: { } due } item)
        {
            return null;
        }

        var rules = settings.For(item.GuildId);
        var existing = dirty.Existing;
        var sameSchedule = existing is not null
            && string.Equals(existing.OwnerId, owner.Id, StringComparison.Ordinal)
            && existing.Due == due;
        var track = sameSchedule
            ? existing!.Track
            : new ReminderTrack(due, item.UpdatedAt, existing?.LastSlotSent);
        var next = ReminderPolicy.Next(track, rules);
        return new ReminderScheduleRow(
            dirty.Key,
            item.GuildId,
            owner.Id,
            due,
            track.Since,
            next?.At,
            track.LastSlotSent,
            track.SnoozedUntil,
            sameSchedule ? existing!.Attempts : 0,
            sameSchedule ? existing!.LastError : null);
    }
}
