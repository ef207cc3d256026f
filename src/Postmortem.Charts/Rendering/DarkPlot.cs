using Postmortem.Charts.Fonts;

namespace Postmortem.Charts.Rendering;

/// <summary>The dark look and the embedded font for every ScottPlot chart.</summary>
internal static class DarkPlot
{
    public const float TitleSize = 22;
    public const float LabelSize = 16;
    public const float TickSize = 14;

    public static ScottPlot.Plot Create()
    {
        EmbeddedFontResolver.Register();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.FigureBackground.Color = ChartTheme.ToPlot(ChartTheme.Background);
        plot.DataBackground.Color = ChartTheme.ToPlot(ChartTheme.Background);
        plot.Axes.Color(ChartTheme.ToPlot(ChartTheme.MutedText));
        plot.Axes.FrameColor(ChartTheme.ToPlot(ChartTheme.Grid));
        plot.Grid.MajorLineColor = ChartTheme.ToPlot(ChartTheme.Grid);
        StyleAxes(plot);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.ForeColor = ChartTheme.ToPlot(ChartTheme.Text);
        return plot;
    }

    /// <summary>Again after an axis was replaced (a DateTime axis, say): new axes come with ScottPlot's defaults.</summary>
    public static void StyleAxes(ScottPlot.Plot plot)
    {
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Color = ChartTheme.ToPlot(ChartTheme.Grid);
            axis.MajorTickStyle.Color = ChartTheme.ToPlot(ChartTheme.Line);
            axis.MinorTickStyle.Color = ChartTheme.ToPlot(ChartTheme.Grid);
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = ChartTheme.ToPlot(ChartTheme.MutedText);
            axis.Label.FontSize = LabelSize;
            axis.Label.ForeColor = ChartTheme.ToPlot(ChartTheme.MutedText);
            axis.Label.FontName = ChartFonts.Family;
            axis.TickLabelStyle.FontName = ChartFonts.Family;
        }
    }
}
