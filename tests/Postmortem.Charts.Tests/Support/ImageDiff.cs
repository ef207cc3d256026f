using SkiaSharp;

namespace Postmortem.Charts.Tests.Support;

/// <summary>
/// A tolerant image comparison: both pictures are scaled down to the same small grid (which evens out
/// anti-aliasing and sub-pixel text differences), then a cell counts as changed when any colour channel differs by
/// more than <see cref="ChannelTolerance"/>; the result is the fraction of changed cells. Pictures of different
/// aspect ratios are compared on the grid of the first, so a size change shows up as changed content.
/// </summary>
internal static class ImageDiff
{
    public const int GridWidth = 256;
    public const int ChannelTolerance = 40;

    /// <summary>Changes above this fraction of the picture count as a visible change.</summary>
    public const double VisibleChange = 0.005;

    public static double ChangedFraction(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second)
    {
        using var a = Png.Decode(first);
        using var b = Png.Decode(second);
        var gridHeight = Math.Max(1, (int)Math.Round(GridWidth * (double)a.Height / a.Width));
        using var smallA = Downscale(a, gridHeight);
        using var smallB = Downscale(b, gridHeight);
        var changed = 0;
        for (var y = 0; y < gridHeight; y++)
        {
            for (var x = 0; x < GridWidth; x++)
            {
                var (p, q) = (smallA.GetPixel(x, y), smallB.GetPixel(x, y));
                if (Math.Abs(p.Red - q.Red) > ChannelTolerance || Math.Abs(p.Green - q.Green) > ChannelTolerance
                    || Math.Abs(p.Blue - q.Blue) > ChannelTolerance)
                {
                    changed++;
                }
            }
        }

        return changed / (double)(GridWidth * gridHeight);
    }

    private static SKBitmap Downscale(SKBitmap source, int height) =>
        source.Resize(new SKImageInfo(GridWidth, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
        ?? throw new InvalidOperationException("SkiaSharp could not scale the picture.");
}
