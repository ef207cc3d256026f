using Postmortem.Core.Timeline;

namespace Postmortem.Core.Export;

/// <summary>
/// The timeline as a table in the export's zone, named once in the header (with its offset; a row whose offset
/// differs, across a daylight-saving change, says its own), then the figures with what each is measured from.
/// </summary>
internal static class TimelineExport
{
    public static void Write(MarkdownWriter writer)
    {
        var entries = writer.Postmortem.TimelineInOrder;
        if (entries.Count == 0)
        {
            writer.Body(null);
            return;
        }

        var zone = writer.Options.TimeZone;
        var offset = writer.Offset(entries[0].At);
        var zoneLabel = zone == TimeZoneInfo.Utc || zone.Id == "UTC" ? "UTC" : $"{zone.Id}, {offset}";
        writer.Line($"| Time ({MarkdownText.Cell(zoneLabel)}) | Kind | What happened |");
        writer.Line("| --- | --- | --- |");
        foreach (var entry in entries)
        {
            var own = writer.Offset(entry.At);
            var time = own == offset ? writer.LocalTime(entry.At) : $"{writer.LocalTime(entry.At)} ({own})";
            writer.Line($"| {time} | {Describe(entry.Kind)} | {MarkdownText.Cell(writer.Scrub(entry.Text))} |");
        }

        writer.Line();
        foreach (var measure in TimelineMeasure.Of(writer.Postmortem.TimelineFigures))
        {
            writer.Line($"- **{measure.Label}:** {(measure.Value is null ? $"_{measure.Describe()}_" : measure.Describe())}");
        }

        writer.Line();
    }

    private static string Describe(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.EventStart => "Event start",
        TimelineEntryKind.EventEnd => "Event end",
        TimelineEntryKind.Detected => "Detected",
        TimelineEntryKind.Mitigated => "Mitigated",
        TimelineEntryKind.Resolved => "Resolved",
        _ => "Note",
    };
}
