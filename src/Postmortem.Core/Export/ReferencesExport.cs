using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Export;

/// <summary>
/// The issues, pull requests and announcements the team linked. While the document is a draft an empty list says
/// that it can be filled; a final document without references leaves the section out.
/// </summary>
internal static class ReferencesExport
{
    public const string Empty = "_No references yet: the issues, pull requests and announcements this postmortem cites._";

    public static void Write(MarkdownWriter writer)
    {
        var references = writer.Postmortem.References;
        if (references.Count == 0 && writer.Postmortem.Status == PostmortemStatus.Final)
        {
            return;
        }

        writer.Paragraph("## References");
        if (references.Count == 0)
        {
            writer.Paragraph(Empty);
            return;
        }

        foreach (var reference in references)
        {
            writer.Line($"- [{MarkdownText.LinkText(writer.Scrub(reference.Title))}]({MarkdownText.Url(reference.Url)})");
        }

        writer.Line();
    }
}
