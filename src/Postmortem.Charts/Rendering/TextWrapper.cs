using System.Text;
using SkiaSharp;

namespace Postmortem.Charts.Rendering;

/// <summary>
/// Greedy word wrap measured with the font that draws the text. A word wider than the line is broken between
/// characters (never inside one); past <c>maxLines</c> the last line ends with an ellipsis.
/// </summary>
internal static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        var lines = new List<string>();
        var words = TextFit.Printable(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = new StringBuilder();
        var cut = false;
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            // A word too long for a line of its own is broken between characters.
            foreach (var element in TextFit.Elements(word))
            {
                if (line.Length > 0 && font.MeasureText(line + element) > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(element);
            }

            if (lines.Count >= maxLines)
            {
                cut = true;
                break;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        if (lines.Count > maxLines)
        {
            cut = true;
            lines.RemoveRange(maxLines, lines.Count - maxLines);
        }

        if (cut)
        {
            lines[^1] = WithEllipsis(lines[^1], font, width);
        }

        return lines.Count == 0 ? [""] : lines;
    }

    private static string WithEllipsis(string line, SKFont font, float width)
    {
        var elements = TextFit.Elements(line).ToList();
        while (elements.Count > 0 && font.MeasureText(string.Concat(elements) + TextFit.Ellipsis) > width)
        {
            elements.RemoveAt(elements.Count - 1);
        }

        return string.Concat(elements).TrimEnd() + TextFit.Ellipsis;
    }
}
