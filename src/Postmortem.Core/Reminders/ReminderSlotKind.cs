namespace Postmortem.Core.Reminders;

/// <summary>Why a reminder is sent at a slot.</summary>
public enum ReminderSlotKind
{
    /// <summary>Some days before the due date.</summary>
    BeforeDue,

    /// <summary>On the due date.</summary>
    DueDay,

    /// <summary>Repeated while the item is overdue.</summary>
    Overdue,

    /// <summary>The owner asked to be reminded again at this time.</summary>
    Snoozed,
}
