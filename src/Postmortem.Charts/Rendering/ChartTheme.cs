using SkiaSharp;

namespace Postmortem.Charts.Rendering;

/// <summary>
/// Colours picked for Discord's dark theme (its palette), readable on a light page too: a dark card with light text,
/// one accent per meaning. Contrast of text on the background is above 7:1 (muted text above 4.5:1).
/// </summary>
internal static class ChartTheme
{
    public static readonly SKColor Background = SKColor.Parse("#2B2D31");
    public static readonly SKColor Panel = SKColor.Parse("#383A40");
    public static readonly SKColor Grid = SKColor.Parse("#3F4147");
    public static readonly SKColor Text = SKColor.Parse("#F2F3F5");
    public static readonly SKColor MutedText = SKColor.Parse("#B5BAC1");
    public static readonly SKColor Line = SKColor.Parse("#80848E");

    public static readonly SKColor Blurple = SKColor.Parse("#5865F2");
    public static readonly SKColor Green = SKColor.Parse("#23A55A");
    public static readonly SKColor Yellow = SKColor.Parse("#F0B232");
    public static readonly SKColor Red = SKColor.Parse("#F23F43");
    public static readonly SKColor Fuchsia = SKColor.Parse("#EB459E");
    public static readonly SKColor Teal = SKColor.Parse("#1ABC9C");

    /// <summary>Series colours for charts with several lines or bar groups, in order.</summary>
    public static readonly SKColor[] Series = [Blurple, Yellow, Green, Fuchsia, Teal, Red];

    /// <summary>The accent lightened until text in it reads on <see cref="Background"/> (contrast above 4.5:1).</summary>
    public static SKColor Readable(SKColor accent)
    {
        var color = accent;
        while (Contrast(color, Background) < 4.5)
        {
            color = Mix(color, SKColors.White, 0.15f);
        }

        return color;
    }

    /// <summary>Dark or white text, whichever reads better on a bar of <paramref name="fill"/>.</summary>
    public static SKColor OnAccent(SKColor fill) =>
        Contrast(SKColors.White, fill) >= Contrast(Ink, fill) ? SKColors.White : Ink;

    public static readonly SKColor Ink = SKColor.Parse("#1E1F22");

    public static SKColor Mix(SKColor a, SKColor b, float amount) => new(
        (byte)(a.Red + ((b.Red - a.Red) * amount)),
        (byte)(a.Green + ((b.Green - a.Green) * amount)),
        (byte)(a.Blue + ((b.Blue - a.Blue) * amount)),
        a.Alpha);

    /// <summary>WCAG contrast ratio of two colours (1 to 21).</summary>
    public static double Contrast(SKColor a, SKColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(SKColor color)
    {
        static double Channel(byte value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(color.Red)) + (0.7152 * Channel(color.Green)) + (0.0722 * Channel(color.Blue));
    }

    public static ScottPlot.Color ToPlot(SKColor color) => new(color.Red, color.Green, color.Blue, color.Alpha);
}
