using Postmortem.Core.Commands;

namespace Postmortem.Core.Metrics;

/// <summary>Adds a graph: exactly one of an absolute http(s) <paramref name="Url"/> or a chat attachment id.</summary>
public sealed record AddMetricImage(string? Url, string? AttachmentId, string Caption) : PostmortemCommand;

/// <summary>Adds a Markdown table (a header row, a separator row, then data rows).</summary>
public sealed record AddMetricTable(string Markdown, string Caption) : PostmortemCommand;

public sealed record RemoveMetric(int MetricId) : PostmortemCommand;
