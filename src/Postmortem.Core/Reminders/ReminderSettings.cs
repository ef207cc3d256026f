namespace Postmortem.Core.Reminders;

/// <summary>
/// One guild's reminder rules. Defaults: at 09:00 in the guild's zone, 7 days and 1 day before the due date, on
/// the due date, then every 7 days while overdue; a Monday 09:00 digest when a reminder channel is set; a
/// nudge for drafts untouched for 14 days.
/// </summary>
public sealed record ReminderSettings
{
    public const int MaxDaysBefore = 90;
    public const int MaxOverdueEveryDays = 90;
    public const int MaxStaleAfterDays = 365;

    public static ReminderSettings Default { get; } = new();

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The wall-clock time reminders go out in <see cref="TimeZone"/>.</summary>
    public TimeOnly LocalTime { get; init; } = new(9, 0);

    /// <summary>Days before the due date to remind on; 0 means the due date itself.</summary>
    public IReadOnlyList<int> DaysBefore { get; init; } = [7, 1, 0];

    /// <summary>While overdue, remind every this many days after the due date; 0 turns overdue reminders off.</summary>
    public int OverdueEveryDays { get; init; } = 7;

    /// <summary>A draft with no activity for this many days gets one nudge; 0 turns nudges off.</summary>
    public int StaleAfterDays { get; init; } = 14;

    public DayOfWeek DigestDay { get; init; } = DayOfWeek.Monday;

    public TimeOnly DigestTime { get; init; } = new(9, 0);

    /// <summary>Where the weekly digest goes (a chat channel id); no digest when null.</summary>
    public string? ReminderChannelId { get; init; }

    /// <summary>A user-facing problem with these settings, or null when they are usable.</summary>
    public string? Validate()
    {
        if (DaysBefore.Count > 10)
        {
            return "At most 10 reminders before the due date.";
        }

        if (DaysBefore.Any(d => d is < 0 or > MaxDaysBefore))
        {
            return $"Days before the due date must be between 0 and {MaxDaysBefore}.";
        }

        if (OverdueEveryDays is < 0 or > MaxOverdueEveryDays)
        {
            return $"The overdue interval must be between 0 (off) and {MaxOverdueEveryDays} days.";
        }

        return StaleAfterDays is < 0 or > MaxStaleAfterDays
            ? $"The stale draft threshold must be between 0 (off) and {MaxStaleAfterDays} days."
            : null;
    }
}
