using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Metrics;

/// <summary>
/// A graph or table illustrating the impact. Images carry a URL, a chat attachment id or both (the export uses the URL);
/// tables carry validated Markdown.
/// </summary>
public sealed record MetricItem
{
    public required int Id { get; init; }

    public required MetricKind Kind { get; init; }

    public string? Url { get; init; }

    public string? AttachmentId { get; init; }

    public string? Table { get; init; }

    public string Caption { get; init; } = "";

    public required UserRef Author { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The chat message this graph or table was taken from, if any.</summary>
    public ChatSource? Source { get; init; }
}
