using System.Globalization;
using System.Text;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Linting;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Pictures;
using Postmortem.DiscordBot.Settings;

namespace Postmortem.DiscordBot.Dashboard;

/// <summary>
/// The dashboard message pinned in a postmortem's thread: status, each section's state, the linter's findings
/// (count and the top few), participants and the durations the timeline gives.
/// </summary>
public static class DashboardView
{
    private const int TopFindings = 3;
    private const int Colour = 0x5865F2;

    public static MessagePayload Render(
        Core.Postmortem postmortem,
        PostmortemTemplate template,
        TimeZoneInfo zone,
        LintOptions? lintOptions,
        DateTimeOffset now,
        IReadOnlyList<string>? links = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(zone);
        var findings = Linter.Lint(postmortem, template, lintOptions);
        var progress = Facilitator.Progress(postmortem, template, lintOptions);
        var embed = new Embed
        {
            Title = DiscordMarkdown.Truncate($"📋 Postmortem #{postmortem.Id}: {postmortem.Title}", DiscordLimits.EmbedTitle),
            Description = Describe(postmortem, zone),
            Color = Colour,
            Fields =
            [
                new EmbedField($"Sections ({progress.Count(p => p.State == SectionState.Answered)}/{progress.Count} done)", Sections(postmortem, template, progress)),
                new EmbedField($"Findings ({findings.Count})", Findings(findings)),
                new EmbedField("Timing", Timing(postmortem.TimelineFigures, zone)),
                new EmbedField($"Participants ({postmortem.Participants.Count})", Participants(postmortem)),
                .. links is { Count: > 0 } ? [new EmbedField("Links", DiscordMarkdown.Truncate(string.Join('\n', links), DiscordLimits.EmbedFieldValue))] : Array.Empty<EmbedField>(),
            ],
            Footer = new EmbedFooter($"Updated {ZonedTimes.Format(now, zone)} · reply to a prompt or press its buttons to contribute"),
        };
        // Pictures on request: drawing them on every refresh would cost time for something few look at each time.
        return new MessagePayload { Embeds = [embed], Components = [new ActionRow([PicturesButton.Button(postmortem.Id)])] };
    }

    private static string Describe(Core.Postmortem postmortem, TimeZoneInfo zone)
    {
        var text = new StringBuilder()
            .Append("**Status:** ").Append(StatusText.Of(postmortem.Status));
        if (postmortem.Severity is { } severity)
        {
            text.Append(" · **Severity:** ").Append(DiscordMarkdown.Escape(severity, singleLine: true));
        }

        text.AppendLine()
            .Append("**Facilitator:** ").AppendLine(DiscordMarkdown.Escape(postmortem.Facilitator.DisplayName, singleLine: true))
            .Append("**Started:** ").Append(ZonedTimes.Format(postmortem.CreatedAt, zone));
        if (postmortem.IncidentStartedAt is { } incident)
        {
            text.AppendLine().Append("**Incident began:** ").Append(ZonedTimes.Format(incident, zone));
        }

        if (postmortem.IsReadOnly)
        {
            text.AppendLine().Append("🔒 Final and read-only; the facilitator can `/postmortem reopen` it.");
        }

        return text.ToString();
    }

    private static string Sections(Core.Postmortem postmortem, PostmortemTemplate template, IReadOnlyList<SectionProgress> progress)
    {
        var lines = new StringBuilder();
        foreach (var section in progress)
        {
            lines.Append(Icon(section.State)).Append(' ').Append(section.Title);
            if (template.FindSection(section.Key) is { Kind: SectionKind.Questions } questions)
            {
                var answered = questions.Questions.Count(q => postmortem.FindSection(q.Key) is { HasText: true });
                lines.Append(" (").Append(answered.ToString(CultureInfo.InvariantCulture)).Append('/')
                    .Append(questions.Questions.Count.ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            lines.AppendLine();
        }

        return DiscordMarkdown.Truncate(lines.ToString().TrimEnd(), DiscordLimits.EmbedFieldValue);
    }

    private static string Icon(SectionState state) => state switch
    {
        SectionState.Answered => "✅",
        SectionState.NeedsWork => "🟡",
        SectionState.Skipped => "⏭️",
        _ => "⬜",
    };

    private static string Findings(IReadOnlyList<LintFinding> findings)
    {
        if (findings.Count == 0)
        {
            return "None: the document follows the template.";
        }

        var lines = new StringBuilder();
        foreach (var finding in findings.OrderByDescending(f => f.Severity).Take(TopFindings))
        {
            lines.Append("• ").AppendLine(DiscordMarkdown.Truncate(DiscordMarkdown.Escape(finding.Message, singleLine: true), 300));
        }

        if (findings.Count > TopFindings)
        {
            lines.Append("…and ").Append((findings.Count - TopFindings).ToString(CultureInfo.InvariantCulture))
                .Append(" more: `/postmortem status` lists them with fixes.");
        }

        return DiscordMarkdown.Truncate(lines.ToString().TrimEnd(), DiscordLimits.EmbedFieldValue);
    }

    private static string Timing(TimelineFigures figures, TimeZoneInfo zone)
    {
        var lines = new List<string>();
        if (figures.EventStart is { } start)
        {
            lines.Add($"Event start: {ZonedTimes.Format(start, zone)}");
        }

        lines.Add($"Time to detect: {Duration(figures.TimeToDetect)}");
        lines.Add($"Time to mitigate: {Duration(figures.TimeToMitigate)}");
        lines.Add($"Event duration: {Duration(figures.EventDuration)}");
        return string.Join('\n', lines);
    }

    private static string Duration(TimeSpan? duration) => duration is { } d ? DurationFormatter.Format(d) : "not known yet";

    private static string Participants(Core.Postmortem postmortem)
    {
        var names = string.Join(", ", postmortem.Participants.Select(p => DiscordMarkdown.Escape(p.DisplayName, singleLine: true)));
        return DiscordMarkdown.Truncate(names.Length == 0 ? "Nobody yet" : names, DiscordLimits.EmbedFieldValue);
    }
}
