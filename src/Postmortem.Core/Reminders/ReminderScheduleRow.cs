namespace Postmortem.Core.Reminders;

/// <summary>
/// The reminder state of one open action item with an owner and a due date. <see cref="NextAt"/> is the next
/// slot to deliver (null when none is left); <see cref="Since"/> is when the current owner and due date began
/// (slots at or before it are never sent); <see cref="Attempts"/> and <see cref="LastError"/> count failed sends of
/// the current slot.
/// </summary>
public sealed record ReminderScheduleRow(
    ReminderKey Key,
    string GuildId,
    string OwnerId,
    DateOnly Due,
    DateTimeOffset Since,
    DateTimeOffset? NextAt,
    DateTimeOffset? LastSlotSent = null,
    DateTimeOffset? SnoozedUntil = null,
    int Attempts = 0,
    string? LastError = null)
{
    /// <summary>The part of this row the reminder rules work on.</summary>
    public ReminderTrack Track => new(Due, Since, LastSlotSent, SnoozedUntil);
}
