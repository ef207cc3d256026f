using System.Globalization;
using Postmortem.Charts.Fonts;
using Postmortem.Charts.Rendering;
using Postmortem.Core.Pictures;
using Postmortem.Core.Timeline;
using ScottPlot;
using SkiaSharp;

namespace Postmortem.Charts.Timeline;

/// <summary>
/// The timeline on a time axis in the guild's zone: one row per entry (a marker in the kind's colour and its text
/// beside it), dashed lines at the event's start and end, detection, mitigation and resolution, and on top the
/// time-to-detect and time-to-mitigate spans as bars labelled with their durations.
/// </summary>
internal static class TimelineChart
{
    public const string FileName = "timeline.png";

    private const int Width = 1280;
    private const int RowPixels = 34;
    private const int FramePixels = 170;
    private const int MinHeight = 380;
    private const int MaxLabelElements = 70;
    private const int Padding = 28;
    private const float LabelSize = 15;
    private const float Gap = 12;

    public static PostmortemImage? Render(Core.Postmortem postmortem, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(zone);
        var entries = postmortem.TimelineInOrder;
        if (entries.Count == 0)
        {
            return null;
        }

        var figures = postmortem.TimelineFigures;
        var spans = Spans(figures).ToList();
        var x = entries.Select(e => Local(e.At, zone)).ToList();
        var (left, right) = Range(x);
        var multiDay = entries.Select(e => TimeZoneInfo.ConvertTime(e.At, zone).Date).Distinct().Skip(1).Any();

        using var plot = DarkPlot.Create();
        var axis = plot.Axes.DateTimeTicksBottom();
        axis.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = TickLabel };
        DarkPlot.StyleAxes(plot);
        plot.Layout.Fixed(new PixelPadding(Padding, Padding + 24, 78, 56));
        using var font = new SKFont(ChartFonts.Bold, LabelSize);
        var placer = new LabelPlacer(left, right, Width - (2 * Padding) - 24, font);
        var rows = entries.Count + spans.Count;

        // Rows from the top: the spans first, then the entries in time order.
        for (var i = 0; i < spans.Count; i++)
        {
            var (from, to, color, label) = spans[i];
            var y = rows - 1 - i;
            var (x1, x2) = (Local(from, zone), Local(to, zone));
            var bar = plot.Add.Rectangle(x1, x2, y - 0.3, y + 0.3);
            bar.FillColor = ChartTheme.ToPlot(color);
            bar.LineColor = ChartTheme.ToPlot(color);
            if (placer.FitsInside(label, x1, x2))
            {
                AddText(plot, label, x1 + ((x2 - x1) / 2), y, ChartTheme.OnAccent(color), Alignment.MiddleCenter, 0);
            }
            else
            {
                var (text, side) = placer.Beside(label, x1, x2);
                AddText(plot, text, side == Alignment.MiddleLeft ? x2 : x1, y, ChartTheme.Readable(color), side, side == Alignment.MiddleLeft ? Gap : -Gap);
            }
        }

        foreach (var (at, color) in Milestones(figures))
        {
            plot.Add.VerticalLine(Local(at, zone), 1.5f, ChartTheme.ToPlot(color.WithAlpha(170)), LinePattern.Dashed);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var y = entries.Count - 1 - i;
            var note = entry.Kind == TimelineEntryKind.Note;
            plot.Add.Marker(x[i], y, note ? MarkerShape.FilledCircle : MarkerShape.FilledDiamond, note ? 11 : 16, ChartTheme.ToPlot(KindColor(entry.Kind)));
            var when = TimeZoneInfo.ConvertTime(entry.At, zone).ToString(multiDay ? "ddd MM-dd HH:mm" : "HH:mm", CultureInfo.InvariantCulture);
            var kind = note ? "" : KindName(entry.Kind) + ": ";
            var (text, side) = placer.Beside(TextFit.OneLine(TextFit.Printable($"{when}  {kind}{entry.Text}"), MaxLabelElements), x[i], x[i]);
            AddText(plot, text, x[i], y, note ? ChartTheme.Text : ChartTheme.Readable(KindColor(entry.Kind)), side, side == Alignment.MiddleLeft ? Gap : -Gap);
        }

        plot.Axes.SetLimits(left, right, -0.7, rows - 0.3);
        plot.Axes.Left.IsVisible = false;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Title(TextFit.OneLine(TextFit.Printable($"Timeline of #{postmortem.Id}: {postmortem.Title}"), 80));
        plot.XLabel($"Times in {zone.Id}");
        var height = Math.Max(MinHeight, FramePixels + (rows * RowPixels));
        return PngEncoder.Encode(plot, Width, height, FileName, AltText(postmortem, entries, figures, zone));
    }

    // Day and time on two lines, ISO-like and the same in every locale: "Fri 05-07" over "12:00".
    private static string TickLabel(DateTime tick)
    {
        var day = tick.ToString("ddd MM-dd", CultureInfo.InvariantCulture);
        return tick.TimeOfDay == TimeSpan.Zero ? day : day + "\n" + tick.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static void AddText(Plot plot, string text, double x, double y, SKColor color, Alignment alignment, float offset)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = ChartFonts.Family;
        label.LabelFontSize = LabelSize;
        label.LabelBold = true;
        label.LabelFontColor = ChartTheme.ToPlot(color);
        label.LabelAlignment = alignment;
        label.OffsetX = offset;
        if (alignment != Alignment.MiddleCenter)
        {
            // Dashed milestone lines pass behind the labels, not through their letters.
            label.LabelBackgroundColor = ChartTheme.ToPlot(ChartTheme.Background.WithAlpha(230));
            label.LabelPadding = 2;
        }
    }

    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To, SKColor Color, string Label)> Spans(TimelineFigures figures)
    {
        if (figures is { TimeToDetect: { } detect, EventStart: { } start, FirstDetected: { } detected })
        {
            yield return (start, detected, ChartTheme.Yellow, "Time to detect: " + DurationFormatter.Format(detect));
        }

        if (figures is { TimeToMitigate: { } mitigate, FirstDetected: { } from, FirstMitigated: { } mitigated })
        {
            yield return (from, mitigated, ChartTheme.Blurple, "Time to mitigate, from detection: " + DurationFormatter.Format(mitigate));
        }
    }

    private static IEnumerable<(DateTimeOffset At, SKColor Color)> Milestones(TimelineFigures figures)
    {
        (DateTimeOffset? At, TimelineEntryKind Kind)[] points =
        [
            (figures.EventStart, TimelineEntryKind.EventStart),
            (figures.FirstDetected, TimelineEntryKind.Detected),
            (figures.FirstMitigated, TimelineEntryKind.Mitigated),
            (figures.FirstResolved, TimelineEntryKind.Resolved),
            (figures.EventEnd, TimelineEntryKind.EventEnd),
        ];
        return points.Where(p => p.At is not null).Select(p => (p.At!.Value, KindColor(p.Kind)));
    }

    internal static SKColor KindColor(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.EventStart => ChartTheme.Red,
        TimelineEntryKind.Detected => ChartTheme.Yellow,
        TimelineEntryKind.Mitigated => ChartTheme.Blurple,
        TimelineEntryKind.Resolved => ChartTheme.Green,
        TimelineEntryKind.EventEnd => ChartTheme.Fuchsia,
        _ => ChartTheme.MutedText,
    };

    internal static string KindName(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.EventStart => "Event start",
        TimelineEntryKind.EventEnd => "Event end",
        TimelineEntryKind.Detected => "Detected",
        TimelineEntryKind.Mitigated => "Mitigated",
        TimelineEntryKind.Resolved => "Resolved",
        _ => "Note",
    };

    // The guild's wall-clock time as ScottPlot's DateTime axis number (an OLE date), so ticks read in that zone.
    private static double Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime.ToOADate();

    // A little room either side; a single instant gets an hour around it so the axis has a range to tick.
    private static (double Left, double Right) Range(IReadOnlyList<double> x)
    {
        var min = x.Min();
        var max = x.Max();
        var width = max - min;
        if (width < 1.0 / 24)
        {
            return (min - (1.0 / 48), max + (1.0 / 48));
        }

        return (min - (width * 0.04), max + (width * 0.04));
    }

    private static string AltText(Core.Postmortem postmortem, IReadOnlyList<TimelineEntry> entries, TimelineFigures figures, TimeZoneInfo zone)
    {
        string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var parts = new List<string>
        {
            $"Timeline chart of postmortem #{postmortem.Id}: {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} from {Time(entries[0].At)} to {Time(entries[^1].At)} ({zone.Id})",
        };
        if (figures.TimeToDetect is { } detect)
        {
            parts.Add("time to detect " + DurationFormatter.Format(detect));
        }

        if (figures.TimeToMitigate is { } mitigate)
        {
            parts.Add("time to mitigate " + DurationFormatter.Format(mitigate));
        }

        return string.Join("; ", parts) + ".";
    }
}
