namespace Postmortem.Core.Reminders;

/// <summary>
/// What the reminder rules need to know about one open action item with an owner and a due date.
/// <see cref="Since"/> is when its current schedule began (the item got this owner and due date): slots at or
/// before it are never sent. <see cref="LastSlotSent"/> is the last slot delivered; <see cref="SnoozedUntil"/>
/// is when the owner asked to be reminded again.
/// </summary>
public sealed record ReminderTrack(
    DateOnly Due,
    DateTimeOffset Since,
    DateTimeOffset? LastSlotSent = null,
    DateTimeOffset? SnoozedUntil = null)
{
    /// <summary>Slots at or before this instant are done with (sent, or before the schedule began).</summary>
    public DateTimeOffset Floor => LastSlotSent is { } sent && sent > Since ? sent : Since;
}
