using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Core.Text;

namespace Postmortem.Core.Export;

/// <summary>
/// Escaping that keeps user text inside the spot the document put it in. People paste chat, logs and HTML into
/// answers: their Markdown (lists, emphasis, code, tables) is kept, but nothing they write can end the section it
/// is in or change the document's outline. An unclosed code fence is closed, ATX and setext headings become plain
/// text, raw HTML (<c>&lt;script&gt;</c>, <c>&lt;iframe&gt;</c>, comments) shows literally, and link reference
/// definitions stay visible.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>
    /// A block of the user's own Markdown (a section's text, an answer): kept as written but contained, see the
    /// class summary. Code (fenced blocks, code spans) is never touched.
    /// </summary>
    public static string Block(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new List<string>(lines.Length + 1);
        var chunk = new List<string>();
        Fence? open = null;
        var previousBlank = true;
        foreach (var line in lines)
        {
            if (open is { } fence)
            {
                output.Add(line);
                if (fence.IsClosedBy(line))
                {
                    open = null;
                    previousBlank = false;
                }

                continue;
            }

            if (Fence.Opening(line) is { } opening)
            {
                Flush(chunk, output);
                output.Add(line);
                open = opening;
                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush(chunk, output);
                output.Add(line);
                previousBlank = true;
                continue;
            }

            chunk.Add(NeutraliseLineStart(line, previousBlank));
            previousBlank = false;
        }

        Flush(chunk, output);
        if (open is { } unclosed)
        {
            // Without this the fence would run to the end of the document and swallow every later section.
            output.Add(unclosed.Closing);
        }

        return string.Join('\n', output);
    }

    /// <summary>Single-line text in the document's own formatting (labels, list items): line breaks become spaces.</summary>
    public static string Inline(string text) => EscapeHtml(Join(text));

    /// <summary>Text of a heading: one line, and a trailing "#" is not taken as the heading's closing sequence.</summary>
    public static string Heading(string text)
    {
        var inline = Inline(text);
        return inline.EndsWith('#') ? inline[..^1] + "\\#" : inline;
    }

    /// <summary>One table cell: backslashes and pipes escaped, line breaks as &lt;br&gt;, no other HTML.</summary>
    public static string Cell(string text) =>
        EscapeHtml(text.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("|", "\\|", StringComparison.Ordinal)
                .Replace("\r\n", "\n", StringComparison.Ordinal))
            .Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>The text of a link or an image's alt text: one line, brackets escaped so the link ends where it should.</summary>
    public static string LinkText(string text) =>
        EscapeHtml(Join(text).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal));

    /// <summary>
    /// A link destination: every character that could end it (parentheses, spaces, angle brackets) or that is not
    /// plain ASCII is percent-encoded, so a pasted URL with ")" cannot close the link and start another one.
    /// </summary>
    public static string Url(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var builder = new StringBuilder(url.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && IsSafeInLinkDestination((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text placed after a list marker: contained like <see cref="Block"/>, continuation lines indented so they stay
    /// inside the item, blank lines kept blank (still inside the item thanks to the indentation of what follows).
    /// </summary>
    public static string ListItem(string text, int indent)
    {
        var lines = Block(text).Split('\n');
        if (lines.Length == 1)
        {
            return lines[0];
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

    /// <summary>
    /// A Mermaid node label for inside double quotes, wrapped into lines of about <paramref name="width"/> characters
    /// (joined with &lt;br&gt;) and cut on a character boundary at <paramref name="maxLength"/>. Only what Mermaid
    /// would otherwise read is written as an entity code: quotes, angle brackets and ampersands (labels are HTML),
    /// "#" before what looks like an entity, and "%%" (a directive).
    /// </summary>
    public static string MermaidLabel(string text, int maxLength = 140, int width = 28)
    {
        var inline = TextElements.Truncate(Join(text), maxLength);
        return string.Join("<br>", Wrap(inline, width).Select(MermaidEscape));
    }

    /// <summary>Words into lines of at most <paramref name="width"/> characters; longer words get a line of their own.</summary>
    internal static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string MermaidEscape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            builder.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '#' when LooksLikeEntity(text, i) => "#35;",
                '%' when i + 1 < text.Length && text[i + 1] == '%' => "#37;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    // Mermaid turns "#word;" into a character; a "#" elsewhere ("issue #1") is just a "#".
    private static bool LooksLikeEntity(string text, int hash)
    {
        var i = hash + 1;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > hash + 1 && i < text.Length && text[i] == ';';
    }

    private static string Join(string text) =>
        string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool IsSafeInLinkDestination(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '@' or '!' or '$' or '&'
            or '\'' or '*' or '+' or ',' or ';' or '=' or '%';

    private static void Flush(List<string> chunk, List<string> output)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        // Code spans may run over several lines of one paragraph, so HTML is escaped per paragraph, not per line.
        output.AddRange(EscapeHtml(string.Join('\n', chunk)).Split('\n'));
        chunk.Clear();
    }

    /// <summary>
    /// Headings, setext underlines and link reference definitions at the start of a line, also inside a quote or a
    /// list item ("&gt; # Title", "- # Title"), become literal text.
    /// </summary>
    private static string NeutraliseLineStart(string line, bool startsBlock)
    {
        var start = ContainerPrefix(line);
        var indent = 0;
        while (start + indent < line.Length && line[start + indent] == ' ')
        {
            indent++;
        }

        if (indent > 3 || start + indent >= line.Length)
        {
            return line;
        }

        var at = start + indent;
        var rest = line.AsSpan(at);
        var escape = AtxHeading().IsMatch(rest)
            || LinkDefinition().IsMatch(rest)
            || (SetextUnderline().IsMatch(rest) && (!startsBlock || rest[0] == '='));
        return escape ? line[..at] + "\\" + line[at..] : line;
    }

    /// <summary>The length of the quote markers and list markers a line starts with ("&gt; - ", "1. ").</summary>
    private static int ContainerPrefix(string line)
    {
        var i = 0;
        while (true)
        {
            var j = i;
            while (j < line.Length && j - i < 3 && line[j] == ' ')
            {
                j++;
            }

            if (j < line.Length && line[j] == '>')
            {
                i = j + 1 < line.Length && line[j + 1] == ' ' ? j + 2 : j + 1;
                continue;
            }

            if (j + 1 < line.Length && line[j] is '-' or '*' or '+' && line[j + 1] == ' ')
            {
                i = j + 2;
                continue;
            }

            var digits = j;
            while (digits < line.Length && digits - j < 9 && char.IsAsciiDigit(line[digits]))
            {
                digits++;
            }

            if (digits > j && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ')
            {
                i = digits + 2;
                continue;
            }

            return i;
        }
    }

    /// <summary>
    /// "&lt;" that could start an HTML tag, comment or declaration becomes "\&lt;" (shown as "&lt;"), except inside code
    /// spans, where Markdown shows everything literally anyway.
    /// </summary>
    private static string EscapeHtml(string text)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                var run = RunLength(text, i, '`');
                var close = FindClosingRun(text, i + run, run);
                var end = close < 0 ? i + run : close + run;
                builder.Append(text, i, end - i);
                i = end;
                continue;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                builder.Append(text, i, 2);
                i += 2;
                continue;
            }

            if (c == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }

    private static int RunLength(string text, int start, char c)
    {
        var end = start;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        return end - start;
    }

    // A code span closes at the next run of exactly as many backticks; without one the backticks are literal.
    private static int FindClosingRun(string text, int from, int length)
    {
        var i = from;
        while (i < text.Length)
        {
            if (text[i] == '`')
            {
                var run = RunLength(text, i, '`');
                if (run == length)
                {
                    return i;
                }

                i += run;
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^#{1,6}(?:[ \t]|$)")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^(?:=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\[[^\]]+\]:")]
    private static partial Regex LinkDefinition();

    /// <summary>A fenced code block's opening line: its character, length and the line that closes it.</summary>
    private sealed record Fence(char Char, int Length)
    {
        public string Closing => new(Char, Length);

        public static Fence? Opening(string line)
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent > 3 || indent >= line.Length || line[indent] is not ('`' or '~'))
            {
                return null;
            }

            var c = line[indent];
            var length = RunLength(line, indent, c);
            // A backtick fence's info string may not contain backticks ("```code```" is inline code).
            return length >= 3 && (c == '~' || !line.AsSpan(indent + length).Contains('`')) ? new Fence(c, length) : null;
        }

        public bool IsClosedBy(string line)
        {
            var trimmed = line.TrimStart(' ');
            if (line.Length - trimmed.Length > 3)
            {
                return false;
            }

            var body = trimmed.TrimEnd();
            return body.Length >= Length && body.All(ch => ch == Char);
        }
    }
}
