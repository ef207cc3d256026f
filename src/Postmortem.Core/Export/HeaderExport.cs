using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Export;

/// <summary>The title, the facts (status, severity, times, people) and the outcomes line.</summary>
internal static class HeaderExport
{
    public static void Write(MarkdownWriter writer)
    {
        var postmortem = writer.Postmortem;
        writer.Paragraph($"# {MarkdownText.Heading(writer.Scrub(postmortem.Title))}");
        var facts = new List<string> { $"**Status:** {Describe(postmortem.Status)}" };
        if (postmortem.Severity is { } severity)
        {
            facts.Add($"**Severity:** {MarkdownText.Inline(severity)}");
        }

        if (postmortem.IncidentStartedAt is { } incident)
        {
            facts.Add($"**Incident started:** {writer.Time(incident)}");
        }

        facts.Add($"**Postmortem started:** {writer.Time(postmortem.CreatedAt)}");
        facts.Add($"**Last updated:** {writer.Time(postmortem.UpdatedAt)}");
        if (postmortem.FinalizedAt is { } finalized)
        {
            facts.Add($"**Finalized:** {writer.Time(finalized)}");
        }

        if (!writer.Options.KeepNamesOut)
        {
            facts.Add($"**Facilitator:** {MarkdownText.Inline(postmortem.Facilitator.DisplayName)}");
            facts.Add($"**Participants:** {string.Join(", ", postmortem.Participants.Select(p => MarkdownText.Inline(p.DisplayName)))}");
        }

        // Two trailing spaces make a line break, so the facts stay one compact block.
        writer.Paragraph(string.Join("  \n", facts));
        writer.Paragraph($"**Outcomes:** {PostmortemOutcomes.Of(postmortem)}.");
    }

    public static string Describe(PostmortemStatus status) => status switch
    {
        PostmortemStatus.InReview => "In review",
        PostmortemStatus.Final => "Final",
        _ => "Draft",
    };
}
