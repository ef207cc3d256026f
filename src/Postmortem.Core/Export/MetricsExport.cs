using Postmortem.Core.Metrics;

namespace Postmortem.Core.Export;

/// <summary>
/// Graphs as images (by link), tables as the team wrote them, each with its caption; tables and captions go through
/// the same name scrubbing as the narrative (a table of who did what is still names).
/// </summary>
internal static class MetricsExport
{
    public static void Write(MarkdownWriter writer)
    {
        var metrics = writer.Postmortem.Metrics;
        if (metrics.Count == 0)
        {
            writer.Body(null);
            return;
        }

        foreach (var metric in metrics)
        {
            var caption = writer.Scrub(metric.Caption);
            switch (metric.Kind)
            {
                case MetricKind.Image when metric.Url is { } url:
                    writer.Line($"![{(caption.Length > 0 ? MarkdownText.LinkText(caption) : "Graph")}]({MarkdownText.Url(url)})");
                    break;
                case MetricKind.Image:
                    writer.Line($"_Image attached in the discussion (attachment {MarkdownText.Inline(metric.AttachmentId ?? "")})._");
                    break;
                default:
                    writer.Line(MarkdownText.Block(writer.Scrub(metric.Table ?? "")));
                    break;
            }

            if (caption.Length > 0)
            {
                writer.Line();
                writer.Line($"_{MarkdownText.Inline(caption)}_");
            }

            writer.Line();
        }
    }
}
