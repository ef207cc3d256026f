using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Chat;

/// <summary>
/// How a chat message's text becomes postmortem text. The author is never named: the entry says what happened,
/// not who wrote about it. Text beyond what an entry holds is cut at a word with an ellipsis, never mid-character.
/// </summary>
public static class ChatExcerpt
{
    /// <summary>A timeline entry reads as one line: line breaks become spaces, runs of spaces one.</summary>
    public static string ForTimeline(string? text, int maxLength = Limits.MaxTextLength)
    {
        var words = (text ?? "").Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return Cut(string.Join(' ', words), maxLength);
    }

    /// <summary>An answer keeps its paragraphs; only the ends are trimmed and line endings normalised.</summary>
    public static string ForAnswer(string? text, int maxLength = Limits.MaxTextLength) =>
        Cut((text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), maxLength);

    /// <summary>Cuts at the last space before <paramref name="maxLength"/> (ellipsis included), keeping surrogate pairs whole.</summary>
    public static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = maxLength - 1;
        if (char.IsLowSurrogate(text[end]))
        {
            end--;
        }

        var space = text.LastIndexOf(' ', end - 1, Math.Min(end, 200));
        if (space > 0)
        {
            end = space;
        }

        return text[..end].TrimEnd() + "…";
    }
}
