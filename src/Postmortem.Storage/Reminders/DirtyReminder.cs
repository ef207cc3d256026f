using Postmortem.Storage.ActionItems;

namespace Postmortem.Storage.Reminders;

/// <summary>
/// An action item whose schedule must be recomputed: its projection row now (null when it was removed) and
/// its schedule row (null when it had none).
/// </summary>
public sealed record DirtyReminder(ReminderKey Key, ActionItemView? Item, ReminderScheduleRow? Existing);

/// <summary>What one sync batch did: rows handled and the earliest next_at it wrote.</summary>
public sealed record ReminderSyncBatch(int Count, DateTimeOffset? EarliestNextAt);
