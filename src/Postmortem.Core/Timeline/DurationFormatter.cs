using System.Globalization;

namespace Postmortem.Core.Timeline;

/// <summary>
/// Formats durations for people with the two largest units that matter: "3 days 4 hours",
/// "1 day 14 hours", "2 hours 5 minutes", "45 minutes", "less than a minute".
/// </summary>
public static class DurationFormatter
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = duration.Negate();
        }

        var totalMinutes = (long)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
        if (totalMinutes == 0)
        {
            return "less than a minute";
        }

        var days = totalMinutes / (24 * 60);
        var hours = totalMinutes / 60 % 24;
        var minutes = totalMinutes % 60;
        if (days > 0)
        {
            // Minutes are noise next to days; round them into the hours.
            hours = (long)Math.Round(hours + (minutes / 60.0), MidpointRounding.AwayFromZero);
            if (hours == 24)
            {
                days++;
                hours = 0;
            }

            return Join(Unit(days, "day"), hours > 0 ? Unit(hours, "hour") : null);
        }

        return hours > 0
            ? Join(Unit(hours, "hour"), minutes > 0 ? Unit(minutes, "minute") : null)
            : Unit(minutes, "minute");
    }

    private static string Unit(long value, string unit) =>
        value.ToString(CultureInfo.InvariantCulture) + " " + (value == 1 ? unit : unit + "s");

    private static string Join(string first, string? second) => second is null ? first : first + " " + second;
}
