using System.Reflection;
using SkiaSharp;

namespace Postmortem.Charts.Fonts;

/// <summary>
/// The fonts every picture is drawn with: DejaVu Sans (regular and bold), embedded in this assembly so rendering
/// never depends on what fonts a machine or container has (the native Skia build used here has no fontconfig).
/// </summary>
internal static class ChartFonts
{
    /// <summary>The family name ScottPlot plots are told to use; <see cref="EmbeddedFontResolver"/> serves it.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> _regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> _bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => _regular.Value;

    public static SKTypeface Bold => _bold.Value;

    public static SKTypeface Get(bool bold) => bold ? Bold : Regular;

    private static SKTypeface Load(string fileName)
    {
        var name = "Postmortem.Charts.Fonts." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {name} could not be read by SkiaSharp.");
    }
}
