using System.Globalization;
using System.Text.RegularExpressions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Settings;

namespace Postmortem.DiscordBot.Timeline;

/// <summary>
/// When a timeline entry happened, as people type it: what <see cref="ZonedTimes"/> accepts (ISO 8601 with Z or an
/// offset, or a local "2026-05-06 14:30" in the guild's zone), plus a bare "14:30", which means today in that zone.
/// </summary>
public static partial class TimelineTimes
{
    public static string Examples(TimeZoneInfo zone) => $"{ZonedTimes.Examples(zone)}, or just 14:30 for today";

    public static bool TryParse(string? text, TimeZoneInfo zone, DateTimeOffset now, out DateTimeOffset instant, out string? error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var trimmed = (text ?? "").Trim();
        if (!TimeOfDay().IsMatch(trimmed))
        {
            if (ZonedTimes.TryParse(trimmed, zone, out instant, out error))
            {
                return true;
            }

            error += " A time alone (14:30) means today.";
            return false;
        }

        var today = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (ZonedTimes.TryParse($"{today} {(trimmed[1] == ':' ? "0" + trimmed : trimmed)}", zone, out instant, out error))
        {
            return true;
        }

        error = $"\"{DiscordMarkdown.Escape(trimmed, singleLine: true)}\" is not a time of day; use {Examples(zone)}.";
        return false;
    }

    [GeneratedRegex(@"^\d{1,2}:\d{2}(:\d{2})?$")]
    private static partial Regex TimeOfDay();
}
