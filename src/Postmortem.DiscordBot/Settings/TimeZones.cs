using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Settings;

/// <summary>IANA time zones: validation and the suggestions shown while typing one.</summary>
public static class TimeZones
{
    /// <summary>Suggested first (empty input) and searched before the full list.</summary>
    public static IReadOnlyList<string> Common { get; } =
    [
        "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Amsterdam", "Europe/Stockholm",
        "Europe/Warsaw", "Europe/Kyiv", "Europe/Istanbul", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "America/Toronto", "America/Sao_Paulo", "America/Mexico_City", "Asia/Kolkata",
        "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Asia/Dubai", "Australia/Sydney", "Pacific/Auckland",
    ];

    private static readonly Lazy<string[]> _all = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)]);

    /// <summary>
    /// Reads the system's zone list (about 400 tzdata files, some hundred milliseconds, seconds on a busy machine) so
    /// the first autocomplete does not spend its 3 seconds on it.
    /// </summary>
    public static void Load() => _ = _all.Value;

    internal static bool IsLoaded => _all.IsValueCreated;

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }

    public static string Unknown(string typed) =>
        $"\"{DiscordMarkdown.Escape(typed, singleLine: true)}\" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.";

    /// <summary>Up to 25 zones containing <paramref name="typed"/>, common ones first.</summary>
    public static IEnumerable<ApplicationCommandChoice> Suggest(string? typed)
    {
        var text = (typed ?? "").Trim().Replace(' ', '_');
        return Common.Concat(_all.Value)
            .Where(id => id.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(id => ApplicationCommandChoice.Create(id, id));
    }
}
