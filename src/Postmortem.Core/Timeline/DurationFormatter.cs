using System.Globalization;

namespace Postmortem.Core.Timeline;

/// <summary>
/// Formats durations for people, exactly to the minute: "3 days 20 hours 30 minutes", "2 hours 5 minutes",
/// "45 minutes", "less than a minute". Units that are zero are left out ("1 day 5 minutes").
/// </summary>
/// <remarks>
/// Postmortems compare these figures ("how would you have cut it in half?"), so nothing is rounded away;
/// only seconds are, since timeline entries are written to the minute.
/// </remarks>
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

        var parts = new List<string>(3);
        Add(parts, totalMinutes / (24 * 60), "day");
        Add(parts, totalMinutes / 60 % 24, "hour");
        Add(parts, totalMinutes % 60, "minute");
        return string.Join(' ', parts);
    }

    private static void Add(List<string> parts, long value, string unit)
    {
        if (value > 0)
        {
            parts.Add(value.ToString(CultureInfo.InvariantCulture) + " " + (value == 1 ? unit : unit + "s"));
        }
    }
}
