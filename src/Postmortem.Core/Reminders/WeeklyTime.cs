namespace Postmortem.Core.Reminders;

/// <summary>A weekday and a wall-clock time (e.g. Thursday 15:00), the shape of a weekly meeting or digest.</summary>
public readonly record struct WeeklyTime(DayOfWeek Day, TimeOnly Time)
{
    private const long TicksPerWeek = 7 * TimeSpan.TicksPerDay;

    /// <summary>The weekly time <paramref name="lead"/> earlier, wrapping to the previous day or week as needed.</summary>
    public WeeklyTime Minus(TimeSpan lead)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lead, TimeSpan.FromDays(7));
        var ticks = ((((long)Day * TimeSpan.TicksPerDay) + Time.Ticks - lead.Ticks) % TicksPerWeek + TicksPerWeek) % TicksPerWeek;
        return new WeeklyTime((DayOfWeek)(ticks / TimeSpan.TicksPerDay), new TimeOnly(ticks % TimeSpan.TicksPerDay));
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> in <paramref name="zone"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        var date = ZonedTime.LocalDate(after, zone);
        date = date.AddDays(((int)Day - (int)date.DayOfWeek + 7) % 7);
        while (true)
        {
            var at = ZonedTime.ToInstant(date, Time, zone);
            if (at > after)
            {
                return at;
            }

            date = date.AddDays(7);
        }
    }

    /// <summary>The latest occurrence at or before <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public DateTimeOffset LatestAtOrBefore(DateTimeOffset now, TimeZoneInfo zone)
    {
        var date = ZonedTime.LocalDate(now, zone);
        date = date.AddDays(-(((int)date.DayOfWeek - (int)Day + 7) % 7));
        while (true)
        {
            var at = ZonedTime.ToInstant(date, Time, zone);
            if (at <= now)
            {
                return at;
            }

            date = date.AddDays(-7);
        }
    }
}
