using Postmortem.Charts.Fonts;
using Postmortem.Charts.Rendering;
using Postmortem.Charts.Tests.Support;
using SkiaSharp;

namespace Postmortem.Charts.Tests.Fonts;

public sealed class EmbeddedFontTests
{
    [Fact]
    public void EmbeddedFonts_AreDejaVuSans_RegularAndBold()
    {
        Assert.Equal(ChartFonts.Family, ChartFonts.Regular.FamilyName);
        Assert.Equal(ChartFonts.Family, ChartFonts.Bold.FamilyName);
        Assert.True(ChartFonts.Bold.FontStyle.Weight > ChartFonts.Regular.FontStyle.Weight);
    }

    [Fact]
    public void EmbeddedFont_DrawsText_WithoutAnySystemFont()
    {
        using var surface = SKSurface.Create(new SKImageInfo(200, 40));
        surface.Canvas.Clear(SKColors.Black);
        using var font = new SKFont(ChartFonts.Regular, 20);
        using var paint = new SKPaint { Color = SKColors.White };

        surface.Canvas.DrawText("Why 1.2a", 5, 28, SKTextAlign.Left, font, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);

        // Glyphs were drawn (a missing font draws nothing or empty boxes of few pixels).
        Assert.True(Png.CountNear(data.ToArray(), SKColors.White) > 150);
        Assert.True(font.ContainsGlyphs("Why é ü ß → …"));
    }

    [Fact]
    public void ScottPlot_ResolvesTheFamily_ToTheEmbeddedFont()
    {
        EmbeddedFontResolver.Register();

        var typeface = ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false);

        Assert.Same(ChartFonts.Bold, typeface);
    }

    [Fact]
    public void Theme_TextColours_HaveReadableContrast()
    {
        Assert.True(ChartTheme.Contrast(ChartTheme.Text, ChartTheme.Background) >= 7);
        Assert.True(ChartTheme.Contrast(ChartTheme.MutedText, ChartTheme.Background) >= 4.5);
        foreach (var accent in ChartTheme.Series)
        {
            Assert.True(ChartTheme.Contrast(ChartTheme.Readable(accent), ChartTheme.Background) >= 4.5);
            Assert.True(ChartTheme.Contrast(ChartTheme.OnAccent(accent), accent) >= 3);
        }
    }
}
