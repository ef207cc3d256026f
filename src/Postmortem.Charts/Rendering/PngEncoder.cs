using Postmortem.Core.Pictures;
using SkiaSharp;

namespace Postmortem.Charts.Rendering;

/// <summary>Turns what was drawn into a <see cref="PostmortemImage"/>.</summary>
internal static class PngEncoder
{
    public static PostmortemImage Encode(SKSurface surface, int width, int height, string fileName, string altText)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the picture as PNG.");
        return new PostmortemImage(fileName, altText, data.ToArray(), width, height);
    }

    public static PostmortemImage Encode(ScottPlot.Plot plot, int width, int height, string fileName, string altText) =>
        new(fileName, altText, plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png), width, height);
}
