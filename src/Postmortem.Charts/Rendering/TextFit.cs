using System.Globalization;
using System.Text;

namespace Postmortem.Charts.Rendering;

/// <summary>Cuts text for a picture without splitting a character (an emoji or an accented letter stays whole).</summary>
internal static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>One line: line breaks become spaces, then at most <paramref name="maxElements"/> text elements.</summary>
    public static string OneLine(string text, int maxElements)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var info = new StringInfo(flat);
        return info.LengthInTextElements <= maxElements
            ? flat
            : info.SubstringByTextElements(0, maxElements - 1).TrimEnd() + Ellipsis;
    }

    /// <summary>The text elements (user-perceived characters) of <paramref name="text"/>.</summary>
    public static IEnumerable<string> Elements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    /// <summary>Keeps only what can be drawn: control characters (other than spaces) are dropped.</summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
