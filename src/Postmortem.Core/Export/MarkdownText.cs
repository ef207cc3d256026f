using System.Text;

namespace Postmortem.Core.Export;

/// <summary>Escaping that keeps user text from breaking the document's structure.</summary>
internal static class MarkdownText
{
    /// <summary>One table cell: pipes escaped, line breaks as &lt;br&gt;.</summary>
    public static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Single-line text (headings, inline labels): line breaks become spaces.</summary>
    public static string Inline(string text) =>
        string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Text placed after a list marker: continuation lines are indented so they stay inside the item, and blank
    /// lines stay blank (still inside the item thanks to the indentation of what follows).
    /// </summary>
    public static string ListItem(string text, int indent)
    {
        var lines = text.Split('\n');
        if (lines.Length == 1)
        {
            return text;
        }

        var pad = new string(' ', indent);
        var builder = new StringBuilder(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            builder.Append('\n');
            if (line.Trim().Length > 0)
            {
                builder.Append(pad).Append(line);
            }
        }

        return builder.ToString();
    }

    /// <summary>A Mermaid node label inside double quotes: entity codes for characters Mermaid would parse.</summary>
    public static string MermaidLabel(string text, int maxLength = 80)
    {
        var inline = Inline(text);
        if (inline.Length > maxLength)
        {
            inline = inline[..(maxLength - 1)].TrimEnd() + "…";
        }

        var builder = new StringBuilder(inline.Length + 16);
        foreach (var c in inline)
        {
            builder.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '[' => "#91;",
                ']' => "#93;",
                '(' => "#40;",
                ')' => "#41;",
                '{' => "#123;",
                '}' => "#125;",
                '<' => "#lt;",
                '>' => "#gt;",
                '|' => "#124;",
                '`' => "#96;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
