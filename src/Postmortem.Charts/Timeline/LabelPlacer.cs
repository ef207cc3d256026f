using Postmortem.Charts.Rendering;
using ScottPlot;
using SkiaSharp;

namespace Postmortem.Charts.Timeline;

/// <summary>
/// Puts a label beside a point (or a bar) on the side where it fits inside the chart, measured with the font that
/// draws it; when it fits on neither side it goes where there is more room, shortened to fit.
/// </summary>
internal sealed class LabelPlacer(double left, double right, float pixelWidth, SKFont font)
{
    private const float Gap = 14;

    public bool FitsInside(string text, double from, double to) => Pixels(to) - Pixels(from) >= font.MeasureText(text) + (2 * Gap);

    /// <summary>The label's text (maybe shortened) and its alignment: MiddleLeft = to the right of <paramref name="to"/>.</summary>
    public (string Text, Alignment Side) Beside(string text, double from, double to)
    {
        var roomRight = pixelWidth - Pixels(to) - Gap;
        var roomLeft = Pixels(from) - Gap;
        var width = font.MeasureText(text);
        if (width <= roomRight)
        {
            return (text, Alignment.MiddleLeft);
        }

        if (width <= roomLeft)
        {
            return (text, Alignment.MiddleRight);
        }

        return roomRight >= roomLeft
            ? (Shorten(text, roomRight), Alignment.MiddleLeft)
            : (Shorten(text, roomLeft), Alignment.MiddleRight);
    }

    private float Pixels(double x) => (float)((x - left) / (right - left) * pixelWidth);

    private string Shorten(string text, float room)
    {
        var elements = TextFit.Elements(text).ToList();
        while (elements.Count > 1 && font.MeasureText(string.Concat(elements) + TextFit.Ellipsis) > room)
        {
            elements.RemoveAt(elements.Count - 1);
        }

        return string.Concat(elements).TrimEnd() + TextFit.Ellipsis;
    }
}
