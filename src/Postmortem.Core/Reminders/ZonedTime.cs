namespace Postmortem.Core.Reminders;

/// <summary>Turns a wall-clock date and time in a time zone into a UTC instant, with a fixed rule for DST edges.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The UTC instant at which clocks in <paramref name="zone"/> read <paramref name="time"/> on <paramref name="date"/>.
    /// A time skipped by a spring-forward gap moves forward by the gap (02:30 becomes 03:30); a time that occurs
    /// twice when clocks fall back means its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap; the same wall time read with it lands after the gap.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier of the two instants.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The calendar date in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
