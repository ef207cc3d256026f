using System.Globalization;

namespace Postmortem.Core.Reminders;

/// <summary>
/// One reminder time of an action item. <see cref="At"/> (UTC) identifies the slot: a slot is delivered at
/// most once per item. <see cref="DaysFromDue"/> is the local date minus the due date (negative before it).
/// </summary>
public sealed record ReminderSlot(DateTimeOffset At, ReminderSlotKind Kind, int DaysFromDue)
{
    /// <summary>"due in 7 days", "due tomorrow", "due today", "overdue by 14 days".</summary>
    public string Describe() => DaysFromDue switch
    {
        < -1 => "due in " + Days(-DaysFromDue),
        -1 => "due tomorrow",
        0 => "due today",
        1 => "overdue by 1 day",
        _ => "overdue by " + Days(DaysFromDue),
    };

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + " days";
}
