using System.Globalization;
using System.Text.RegularExpressions;

namespace Postmortem.Terminal.Input;

/// <summary>
/// Times as people type them: ISO 8601 with an offset (<c>2026-05-06T09:00Z</c>, <c>2026-05-06T11:00+02:00</c>)
/// or a local time in the configured zone (<c>2026-05-06T09:00</c>, or <c>2026-05-06 09:00</c> as two words).
/// </summary>
public static partial class TimeInput
{
    public const string Examples = "2026-05-06T09:00Z, 2026-05-06T11:00+02:00 or 2026-05-06 09:00 (in the configured zone)";

    /// <summary>
    /// Parses the time starting at argument <paramref name="index"/>; <paramref name="consumed"/> says whether it
    /// took one or two arguments.
    /// </summary>
    public static bool TryParse(
        VerbArguments arguments,
        int index,
        TimeZoneInfo zone,
        out DateTimeOffset instant,
        out int consumed,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        instant = default;
        consumed = 0;
        if (index >= arguments.Count)
        {
            error = $"A time is missing; use {Examples}.";
            return false;
        }

        var text = arguments[index];
        consumed = 1;
        // "2026-05-06 09:00" arrives as two words; a second word with a colon is meant as its time of day.
        if (DateOnlyPattern().IsMatch(text) && index + 1 < arguments.Count && arguments[index + 1].Contains(':', StringComparison.Ordinal))
        {
            text += " " + arguments[index + 1];
            consumed = 2;
        }

        return TryParse(text, zone, out instant, out error);
    }

    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset instant, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        instant = default;
        error = null;
        var match = TimePattern().Match(text.Trim());
        if (!match.Success
            || !DateTime.TryParseExact(
                match.Groups["local"].Value.Replace(' ', 'T'),
                ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var local))
        {
            error = $"\"{text}\" is not a time; use {Examples}.";
            return false;
        }

        var offsetText = match.Groups["offset"].Value;
        if (offsetText.Length > 0)
        {
            var offset = offsetText is "Z" or "z" ? TimeSpan.Zero : ParseOffset(offsetText);
            if (offset is null)
            {
                error = $"\"{offsetText}\" is not a UTC offset; use Z or +02:00.";
                return false;
            }

            instant = new DateTimeOffset(local, offset.Value).ToUniversalTime();
            return true;
        }

        if (zone.IsInvalidTime(local))
        {
            error = $"{text} does not exist in {zone.Id} (the clocks skipped it); give the time with an offset instead.";
            return false;
        }

        // An ambiguous wall time (clocks went back) is read as standard time, the later of the two instants.
        instant = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly date, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null
            : $"\"{text}\" is not a date; use YYYY-MM-DD, e.g. 2026-06-01.";
        return error is null;
    }

    private static TimeSpan? ParseOffset(string text)
    {
        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 4
            || !int.TryParse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(digits[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14 || minutes > 59)
        {
            return null;
        }

        return sign * new TimeSpan(hours, minutes, 0);
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?)(?<offset>[Zz]|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyPattern();
}
