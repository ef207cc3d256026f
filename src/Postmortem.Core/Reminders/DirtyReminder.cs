using Postmortem.Core.Actions;

namespace Postmortem.Core.Reminders;

/// <summary>
/// An entry of the reminder change queue: an action item whose schedule must be recomputed, with its projection
/// row now (null when it was removed from the projection) and its schedule row (null when it has none).
/// </summary>
public sealed record DirtyReminder(ReminderKey Key, ActionItemView? Item, ReminderScheduleRow? Existing);

/// <summary>What one sync batch did: queue entries handled and the earliest <c>NextAt</c> it wrote.</summary>
public sealed record ReminderSyncBatch(int Count, DateTimeOffset? EarliestNextAt);
