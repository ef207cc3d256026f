using ScottPlot;
using SkiaSharp;

namespace Postmortem.Charts.Fonts;

/// <summary>Serves ScottPlot the embedded fonts for <see cref="ChartFonts.Family"/>, whatever the OS has installed.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private static readonly Lock _gate = new();
    private static bool _registered;

    /// <summary>Puts the resolver first in ScottPlot's (process-wide) list, once.</summary>
    public static void Register()
    {
        lock (_gate)
        {
            if (_registered)
            {
                return;
            }

            ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            _registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        Serves(fontName) ? ChartFonts.Get(weight >= FontWeight.SemiBold) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        Serves(fontName) ? ChartFonts.Get(bold) : null;

    private static bool Serves(string fontName) => string.Equals(fontName, ChartFonts.Family, StringComparison.OrdinalIgnoreCase);
}
