using Postmortem.Core.Metrics;

namespace Postmortem.Terminal.Rendering;

public static class MetricsView
{
    public static void Write(TerminalWriter output, Core.Postmortem postmortem, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        output.Heading(title);
        if (postmortem.Metrics.Count == 0)
        {
            output.Line("  No graphs or tables yet.");
            return;
        }

        foreach (var metric in postmortem.Metrics)
        {
            var caption = metric.Caption.Length > 0 ? metric.Caption : "(no caption)";
            if (metric.Kind == MetricKind.Table)
            {
                output.Line($"  #{metric.Id} table: {caption}");
                output.Block(metric.Table ?? "", 6);
            }
            else
            {
                output.Line($"  #{metric.Id} image: {caption}");
                output.Line($"      {metric.Url ?? "attachment " + metric.AttachmentId}");
            }
        }
    }
}
