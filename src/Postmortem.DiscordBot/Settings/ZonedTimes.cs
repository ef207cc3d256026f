using System.Globalization;
using System.Text.RegularExpressions;

namespace Postmortem.DiscordBot.Settings;

/// <summary>
/// Times as people type them in chat: ISO 8601 with an offset (<c>2026-05-06T09:00Z</c>, <c>…+02:00</c>) or a
/// local time in the guild's zone (<c>2026-05-06 14:30</c>); shown back in the guild's zone with its name.
/// </summary>
public static partial class ZonedTimes
{
    public static string Examples(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"2026-05-06 14:30 (in {zone.Id}) or ISO 8601 such as 2026-05-06T12:30Z";
    }

    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset instant, out string? error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        instant = default;
        var trimmed = (text ?? "").Trim();
        var match = TimePattern().Match(trimmed);
        if (!match.Success
            || !DateTime.TryParseExact(
                match.Groups["local"].Value.Replace(' ', 'T'),
                ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var local))
        {
            error = $"\"{Messages.DiscordMarkdown.Escape(trimmed, singleLine: true)}\" is not a time; use {Examples(zone)}.";
            return false;
        }

        var offsetText = match.Groups["offset"].Value;
        if (offsetText.Length > 0)
        {
            if (ParseOffset(offsetText) is not { } offset)
            {
                error = $"\"{offsetText}\" is not a UTC offset; use Z or +02:00.";
                return false;
            }

            instant = new DateTimeOffset(local, offset).ToUniversalTime();
            error = null;
            return true;
        }

        if (zone.IsInvalidTime(local))
        {
            error = $"{trimmed} does not exist in {zone.Id} (the clocks skipped it); give the time with an offset instead.";
            return false;
        }

        instant = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        error = null;
        return true;
    }

    /// <summary>e.g. "2026-05-06 14:30 Europe/Berlin".</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
    }

    private static TimeSpan? ParseOffset(string text)
    {
        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        return digits.Length == 4
            && int.TryParse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(digits[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && hours <= 14 && minutes <= 59
            ? sign * new TimeSpan(hours, minutes, 0)
            : null;
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)\s*(?<offset>[Zz]|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex TimePattern();
}
