using System.Globalization;

namespace Postmortem.Core.Text;

/// <summary>
/// Cuts text only between user-perceived characters (extended grapheme clusters), so a cut never splits an
/// emoji, a flag, a surrogate pair or a letter from its accent. A split surrogate pair cannot be encoded as
/// UTF-8: strict encoders throw and lenient ones write U+FFFD.
/// </summary>
public static class TextElements
{
    /// <summary>
    /// The longest start of <paramref name="text"/> that is at most <paramref name="maxLength"/> UTF-16 units and
    /// ends on a text-element boundary.
    /// </summary>
    public static string Prefix(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > maxLength)
            {
                break;
            }

            end = next;
        }

        return text[..end];
    }

    /// <summary>
    /// <paramref name="text"/> when it fits in <paramref name="maxLength"/> UTF-16 units; otherwise its start, cut at
    /// a word break in the last third when there is one, followed by "…" (the whole result fits).
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var prefix = Prefix(text, maxLength - 1);
        var space = prefix.LastIndexOf(' ');
        var endsAWord = char.IsWhiteSpace(text[prefix.Length]);
        if (!endsAWord && space >= prefix.Length * 2 / 3)
        {
            prefix = prefix[..space];
        }

        return prefix.TrimEnd() + "…";
    }

    /// <summary>
    /// Replaces unpaired surrogates (broken input: they cannot be encoded as UTF-8) with U+FFFD, so the text can be
    /// stored, exported and sent anywhere; well-formed text is returned as it is.
    /// </summary>
    public static string WithoutLoneSurrogates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                fixedText ??= text.ToCharArray();
                fixedText[i] = '\uFFFD';
            }
        }

        return fixedText is null ? text : new string(fixedText);
    }
}
