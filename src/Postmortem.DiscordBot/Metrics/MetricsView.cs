using System.Globalization;
using Postmortem.Core.Metrics;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Metrics;

/// <summary>How graphs and tables read in prompts, confirmations and suggestions.</summary>
public static class MetricsView
{
    /// <summary>e.g. "🖼️ graph 2: ICE reports per day" or "📊 table 3 (4 rows): Affected crates".</summary>
    public static string Describe(MetricItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var caption = item.Caption.Length == 0 ? "" : ": " + DiscordMarkdown.Escape(DiscordMarkdown.Truncate(item.Caption, 120), singleLine: true);
        return item.Kind == MetricKind.Table
            ? string.Create(CultureInfo.InvariantCulture, $"📊 table {item.Id} ({Rows(item)} rows){caption}")
            : string.Create(CultureInfo.InvariantCulture, $"🖼️ graph {item.Id}{caption}");
    }

    public static ApplicationCommandChoice Choice(MetricItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var caption = item.Caption.Length == 0 ? "(no caption)" : item.Caption.ReplaceLineEndings(" ");
        return ApplicationCommandChoice.Create(
            DiscordMarkdown.Truncate($"{(item.Kind == MetricKind.Table ? "Table" : "Graph")} {item.Id} · {caption}", DiscordLimits.ChoiceName), item.Id);
    }

    // Data rows: every non-empty line after the header and separator rows.
    private static int Rows(MetricItem item) =>
        Math.Max(0, (item.Table ?? "").Split('\n').Count(l => l.Trim().Length > 0) - 2);
}
