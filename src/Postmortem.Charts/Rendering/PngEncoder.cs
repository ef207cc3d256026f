using Postmortem.Core.Pictures;
using SkiaSharp;

namespace Postmortem.Charts.Rendering;

/// <summary>Turns what was drawn into a <see cref="PostmortemImage"/>.</summary>
internal static class PngEncoder
{
    // Flat colours compress well with the "up" filter alone; trying every filter per row (Skia's default) and a
    // high zlib level made encoding take most of the time of a large why tree for a third smaller files.
    private static readonly SKPngEncoderOptions _options = new(SKPngEncoderFilterFlags.Up, 3);

    public static PostmortemImage Encode(SKSurface surface, int width, int height, string fileName, string altText)
    {
        ArgumentNullException.ThrowIfNull(surface);
        using var pixels = surface.PeekPixels()
            ?? throw new InvalidOperationException("SkiaSharp gave no pixels for the picture.");
        using var data = pixels.Encode(_options)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the picture as PNG.");
        return new PostmortemImage(fileName, altText, data.ToArray(), width, height);
    }

    public static PostmortemImage Encode(ScottPlot.Plot plot, int width, int height, string fileName, string altText)
    {
        ArgumentNullException.ThrowIfNull(plot);
        using var surface = CreateSurface(width, height);
        plot.Render(surface.Canvas, width, height);
        return Encode(surface, width, height, fileName, altText);
    }

    public static SKSurface CreateSurface(int width, int height) =>
        SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not allocate a {width}x{height} picture.");
}
