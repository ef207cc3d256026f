using SkiaSharp;

namespace Postmortem.Charts.Tests.Support;

internal static class Png
{
    /// <summary>Decodes with SkiaSharp; fails the test when the bytes are not a picture.</summary>
    public static SKBitmap Decode(ReadOnlyMemory<byte> png)
    {
        var bitmap = SKBitmap.Decode(png.ToArray());
        Assert.NotNull(bitmap);
        return bitmap;
    }

    /// <summary>Asserts the bytes are a PNG of the stated size, between sane bounds, and not a blank canvas.</summary>
    public static void AssertSane(Core.Pictures.PostmortemImage image, int minWidth = 400, int minHeight = 200, int maxSide = 16_000)
    {
        Assert.True(image.Png.Span.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']), "not PNG bytes");
        using var bitmap = Decode(image.Png);
        Assert.Equal((image.Width, image.Height), (bitmap.Width, bitmap.Height));
        Assert.InRange(bitmap.Width, minWidth, maxSide);
        Assert.InRange(bitmap.Height, minHeight, maxSide);
        Assert.True(Distinct(bitmap) > 8, "the picture is (nearly) one colour");
        Assert.Matches("^[a-z0-9][a-z0-9.-]*\\.png$", image.FileName);
        Assert.False(string.IsNullOrWhiteSpace(image.AltText));
    }

    /// <summary>How many pixels are close to <paramref name="color"/> (each channel within 24).</summary>
    public static int CountNear(ReadOnlyMemory<byte> png, SKColor color)
    {
        using var bitmap = Decode(png);
        var count = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            if (Math.Abs(pixel.Red - color.Red) <= 24 && Math.Abs(pixel.Green - color.Green) <= 24 && Math.Abs(pixel.Blue - color.Blue) <= 24)
            {
                count++;
            }
        }

        return count;
    }

    private static int Distinct(SKBitmap bitmap) => bitmap.Pixels.Where((_, i) => i % 97 == 0).Distinct().Take(100).Count();
}
