using Postmortem.Core.Reminders;

namespace Postmortem.Storage.Reminders;

/// <summary>A row of <c>reminder_schedule</c>: the reminder state of one open action item with an owner and a due date.</summary>
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
