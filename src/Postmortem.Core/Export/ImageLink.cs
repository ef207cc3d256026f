using System.Text;

namespace Postmortem.Core.Export;

/// <summary>A picture the document links to: its alt text and its path relative to the document.</summary>
public sealed record ImageLink(string AltText, string RelativePath)
{
    /// <summary>
    /// <c>![alt](path)</c> with the alt text kept on one line and its brackets escaped, and each path segment
    /// percent-encoded, so neither can close the link early or start another.
    /// </summary>
    public string ToMarkdown()
    {
        var alt = new StringBuilder();
        foreach (var c in MarkdownText.Inline(AltText))
        {
            if (c is '[' or ']' or '\\')
            {
                alt.Append('\\');
            }

            alt.Append(c);
        }

        var path = string.Join('/', RelativePath.Split('/').Select(Uri.EscapeDataString));
        return $"![{alt}]({path})";
    }

    /// <summary>Writes the section's pictures (if any) as paragraphs of their own.</summary>
    internal static void Write(StringBuilder markdown, IReadOnlyDictionary<string, IReadOnlyList<ImageLink>> images, string sectionKey)
    {
        if (!images.TryGetValue(sectionKey, out var links))
        {
            return;
        }

        foreach (var link in links)
        {
            markdown.Append(link.ToMarkdown()).Append("\n\n");
        }
    }
}
