using Postmortem.Core.Timeline;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Settings;

namespace Postmortem.DiscordBot.Timeline;

/// <summary>
/// The timeline as people read it: entries sorted by instant, shown in the guild's zone, then the figures derived
/// from them (time to detect and to mitigate, the event's duration) and what is still missing.
/// </summary>
public static class TimelineView
{
    public const string Prefix = "timeline";

    public static IReadOnlyList<string> Pages(Core.Postmortem postmortem, TimeZoneInfo zone) => TextPages.Paginate(Lines(postmortem, zone));

    public static IReadOnlyList<string> Lines(Core.Postmortem postmortem, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(zone);
        var lines = new List<string>
        {
            $"**Timeline of #{postmortem.Id}: {DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}** · times in {zone.Id}",
        };
        var entries = postmortem.TimelineInOrder;
        if (entries.Count == 0)
        {
            lines.Add("_No entries yet._ Add them with `/postmortem timeline add`.");
        }

        lines.AddRange(entries.Select(e => $"`{LocalTime(e.At, zone)}` {TimelineKinds.Describe(e.Kind)} · {DiscordMarkdown.Escape(e.Text, singleLine: true)}"
            + (e.Source is { } source ? $" · [message]({source.Link})" : "")));
        lines.Add("");
        lines.AddRange(Figures(postmortem.TimelineFigures));
        return lines;
    }

    /// <summary>The derived figures, and a hint for each point the timeline still lacks.</summary>
    public static IEnumerable<string> Figures(TimelineFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        yield return $"**Time to detect:** {Duration(figures.TimeToDetect)} · **Time to mitigate:** {Duration(figures.TimeToMitigate)}"
            + $" · **Event duration:** {Duration(figures.EventDuration)}";
        var missing = Missing(figures);
        if (missing.Count > 0)
        {
            yield return $"-# Still missing: {string.Join(", ", missing)}. Include the event's start and end, not only when the team noticed.";
        }
    }

    /// <summary>The points the figures need that the timeline lacks.</summary>
    public static IReadOnlyList<string> Missing(TimelineFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var missing = new List<string>(4);
        if (figures.EventStart is null)
        {
            missing.Add("event start");
        }

        if (figures.FirstDetected is null)
        {
            missing.Add("detection");
        }

        if (figures.FirstMitigated is null)
        {
            missing.Add("mitigation");
        }

        if (figures.EventEnd is null)
        {
            missing.Add("event end");
        }

        return missing;
    }

    /// <summary>One entry as an autocomplete choice, e.g. "2026-05-06 14:30 · Detected · first ICE report".</summary>
    public static ApplicationCommandChoice Choice(TimelineEntry entry, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ApplicationCommandChoice.Create(
            DiscordMarkdown.Truncate($"{LocalTime(entry.At, zone)} · {TimelineKinds.Name(entry.Kind)} · {entry.Text.ReplaceLineEndings(" ")}", DiscordLimits.ChoiceName),
            entry.Id);
    }

    /// <summary>e.g. "2026-05-06 14:30 Europe/Berlin".</summary>
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) => ZonedTimes.Format(instant, zone);

    /// <summary>e.g. "2026-05-06 14:30", in <paramref name="zone"/> (named once in the listing's header).</summary>
    public static string LocalTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan? duration) => duration is { } d ? DurationFormatter.Format(d) : "not known yet";
}
