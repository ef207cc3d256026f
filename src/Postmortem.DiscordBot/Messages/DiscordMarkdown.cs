using System.Text;
using Postmortem.Core.Text;

namespace Postmortem.DiscordBot.Messages;

/// <summary>
/// Makes user text safe to embed in the bot's own formatting: it can neither change that formatting nor reach
/// outside the spot it was put in. Pings are already off for every message (allowed_mentions parse: []); mass
/// mentions are still defused so they do not even look like one.
/// </summary>
public static class DiscordMarkdown
{
    private const char ZeroWidthSpace = '\u200B';
    private const string Fence = "```";

    /// <summary>
    /// Escapes every markdown character so the text shows literally, e.g. inside <c>**…**</c>. With
    /// <paramref name="singleLine"/> line breaks become spaces (titles, list items).
    /// </summary>
    public static string Escape(string? text, bool singleLine = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in DefuseMassMentions(text))
        {
            if (c is '\r' or '\n')
            {
                if (c == '\n')
                {
                    builder.Append(singleLine ? ' ' : '\n');
                    lineStart = !singleLine;
                }

                continue;
            }

            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '<'
                || (lineStart && c is '>' or '#' or '-' or '+'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = lineStart && char.IsWhiteSpace(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Keeps the user's own markdown but makes sure it ends where it was put: an unclosed code fence is closed,
    /// and mass mentions are defused.
    /// </summary>
    public static string Contain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var defused = DefuseMassMentions(text);
        return OpenFenceAtEnd(defused, openAtStart: null) is null ? defused : defused + "\n" + Fence;
    }

    /// <summary>Inserts a zero-width space after the @ of @everyone and @here.</summary>
    public static string DefuseMassMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('@', StringComparison.Ordinal)
            ? text.Replace("@everyone", "@" + ZeroWidthSpace + "everyone", StringComparison.OrdinalIgnoreCase)
                .Replace("@here", "@" + ZeroWidthSpace + "here", StringComparison.OrdinalIgnoreCase)
            : text;
    }

    /// <summary>Cuts text to at most <paramref name="maxLength"/> characters, ending with "…" when it was cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Cut between user-perceived characters: half an emoji would reach Discord as U+FFFD.
        return TextElements.Prefix(text, maxLength - 1) + "…";
    }

    /// <summary>
    /// The code fence line (e.g. <c>```cs</c>) still open after <paramref name="text"/>, given the one open
    /// before it (null when none).
    /// </summary>
    internal static string? OpenFenceAtEnd(string text, string? openAtStart)
    {
        var open = openAtStart;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).Trim();
            if (line.StartsWith(Fence, StringComparison.Ordinal))
            {
                // "```code```" on one line is inline code, not a fence.
                var selfClosed = line.Length > 6 && line[3..].Contains(Fence, StringComparison.Ordinal);
                if (open is not null)
                {
                    open = null;
                }
                else if (!selfClosed)
                {
                    open = line.ToString();
                }
            }

            start = end + 1;
        }

        return open;
    }
}
