using Postmortem.Core.Chat;
using Postmortem.Core.Commands;

namespace Postmortem.Core.Metrics;

/// <summary>
/// Adds a graph: an absolute http(s) <paramref name="Url"/>, a chat attachment id, or both (an uploaded image's
/// URL may expire, so its attachment id is kept beside it). At least one is required.
/// </summary>
public sealed record AddMetricImage(string? Url, string? AttachmentId, string Caption) : PostmortemCommand
{
    /// <summary>The chat message the image is on; each of its images is added once.</summary>
    public ChatSource? Source { get; init; }
}

/// <summary>Adds a Markdown table (a header row, a separator row, then data rows).</summary>
public sealed record AddMetricTable(string Markdown, string Caption) : PostmortemCommand
{
    /// <summary>The chat message the table was in; its table is added once.</summary>
    public ChatSource? Source { get; init; }
}

public sealed record RemoveMetric(int MetricId) : PostmortemCommand;
