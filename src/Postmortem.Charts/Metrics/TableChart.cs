using System.Globalization;
using Postmortem.Charts.Fonts;
using Postmortem.Charts.Rendering;
using Postmortem.Core.Metrics;
using Postmortem.Core.Pictures;
using ScottPlot;

namespace Postmortem.Charts.Metrics;

/// <summary>
/// A Metrics table of numbers as a chart: a line chart when the rows are ordered (times, days, a counting first
/// column) or too many to read as bars, bars otherwise (grouped when there are several columns of numbers).
/// </summary>
internal static class TableChart
{
    public const string NoNumbers =
        "This table has no column of numbers to chart. A chart needs a column whose cells are numbers, "
        + "like | Day | Reports | with rows | Thu | 2 | and | Sun | 31 |.";

    private const int Width = 1100;
    private const int Height = 560;
    private const int MaxSeries = 6;
    private const int MaxBars = 24;

    public static ChartOutcome Render(MetricItem table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Kind != MetricKind.Table || table.Table is null || MarkdownTable.Parse(table.Table) is not { } rows)
        {
            return ChartOutcome.Refused($"Metrics item {table.Id} is not a table, so there is nothing to chart.");
        }

        if (NumericTable.From(rows) is not { } numbers)
        {
            return ChartOutcome.Refused(NoNumbers);
        }

        var series = numbers.Series.Take(MaxSeries).ToList();
        var asLines = numbers.LabelsAreOrdered || numbers.Labels.Count > MaxBars;
        using var plot = DarkPlot.Create();
        var positions = Enumerable.Range(0, numbers.Labels.Count).Select(i => (double)i).ToArray();
        if (asLines)
        {
            Lines(plot, series, positions);
        }
        else
        {
            Bars(plot, series, positions);
        }

        var step = Math.Max(1, (int)Math.Ceiling(numbers.Labels.Count / 16.0));
        var ticks = positions.Where((_, i) => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, [.. ticks.Select(t => TextFit.OneLine(TextFit.Printable(numbers.Labels[(int)t]), 14))]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = DarkPlot.TickSize;
        plot.Axes.Bottom.TickLabelStyle.ForeColor = ChartTheme.ToPlot(ChartTheme.MutedText);
        plot.Axes.Bottom.TickLabelStyle.FontName = ChartFonts.Family;
        plot.XLabel(TextFit.OneLine(TextFit.Printable(numbers.LabelName), 40));
        if (series.Count == 1)
        {
            plot.YLabel(SeriesName(series[0]));
        }
        else
        {
            plot.ShowLegend(Alignment.UpperLeft);
            plot.Legend.BackgroundColor = ChartTheme.ToPlot(ChartTheme.Panel);
            plot.Legend.OutlineColor = ChartTheme.ToPlot(ChartTheme.Grid);
            plot.Legend.FontColor = ChartTheme.ToPlot(ChartTheme.Text);
            plot.Legend.FontName = ChartFonts.Family;
            plot.Legend.FontSize = DarkPlot.TickSize;
        }

        var caption = table.Caption.Length > 0 ? table.Caption : $"Metrics item {table.Id}";
        plot.Title(TextFit.OneLine(TextFit.Printable(caption), 80));
        var alt = $"{(asLines ? "Line" : "Bar")} chart of {caption}: {string.Join(", ", series.Select(SeriesName))} "
            + $"by {numbers.LabelName}, {numbers.Labels.Count.ToString(CultureInfo.InvariantCulture)} rows.";
        return ChartOutcome.Of(PngEncoder.Encode(plot, Width, Height, $"metric-{table.Id.ToString(CultureInfo.InvariantCulture)}.png", alt));
    }

    private static void Lines(Plot plot, List<NumericColumn> series, double[] positions)
    {
        for (var s = 0; s < series.Count; s++)
        {
            var points = positions.Zip(series[s].Values).Where(p => p.Second is not null).Select(p => new Coordinates(p.First, p.Second!.Value)).ToArray();
            var line = plot.Add.Scatter(points, ChartTheme.ToPlot(ChartTheme.Series[s]));
            line.LineWidth = 3;
            line.MarkerSize = 9;
            line.LegendText = series.Count > 1 ? SeriesName(series[s]) : "";
        }

        var values = series.SelectMany(c => c.Values).OfType<double>().ToList();
        var (min, max) = (Math.Min(0, values.Min()), Math.Max(0, values.Max()));
        var room = Math.Max((max - min) * 0.12, 1);
        plot.Axes.SetLimits(-0.3, positions.Length - 0.7, min < 0 ? min - room : 0, max + room);
    }

    private static void Bars(Plot plot, List<NumericColumn> series, double[] positions)
    {
        var width = 0.8 / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var offset = (s - ((series.Count - 1) / 2.0)) * width;
            var bars = series[s].Values
                .Select((v, i) => new Bar { Position = positions[i] + offset, Value = v ?? 0, Size = width * 0.92, FillColor = ChartTheme.ToPlot(ChartTheme.Series[s]), LineWidth = 0 })
                .ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series.Count > 1 ? SeriesName(series[s]) : "";
        }

        plot.Grid.XAxisStyle.IsVisible = false;

        // Bars grow from zero: no margin below it, some room above the tallest.
        plot.Axes.Margins(bottom: 0, top: 0.12);
    }

    private static string SeriesName(NumericColumn column)
    {
        var name = TextFit.OneLine(TextFit.Printable(column.Name), 40);
        return column.Unit.Length > 0 && !name.Contains(column.Unit, StringComparison.OrdinalIgnoreCase) ? $"{name} ({column.Unit})" : name;
    }
}
