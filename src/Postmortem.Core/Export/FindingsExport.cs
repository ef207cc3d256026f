using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Export;

/// <summary>
/// What the linter still finds: "Open findings" while the postmortem is a draft or in review; once final, the same
/// list as "Known gaps", because the team finalized knowing them and readers should know them too.
/// </summary>
internal static class FindingsExport
{
    public static void Write(MarkdownWriter writer)
    {
        var findings = writer.Options.OpenFindings;
        if (findings.Count == 0)
        {
            return;
        }

        if (writer.Postmortem.Status == PostmortemStatus.Final)
        {
            writer.Paragraph("## Known gaps");
            writer.Paragraph("_This postmortem was finalized with these points still open:_");
        }
        else
        {
            writer.Paragraph("## Open findings");
            writer.Paragraph("_This document is not final yet. These points are still open:_");
        }

        foreach (var finding in findings)
        {
            var target = finding.Target is { } t ? $" {MarkdownText.Inline(t)}" : "";
            writer.Line($"- **{finding.Severity.ToString().ToLowerInvariant()}** `{finding.Code}`{target}: " +
                $"{MarkdownText.Inline(writer.Scrub(finding.Message))} _{MarkdownText.Inline(finding.Hint)}_");
        }

        writer.Line();
    }
}
