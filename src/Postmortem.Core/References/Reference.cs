using Postmortem.Core.Postmortems;

namespace Postmortem.Core.References;

/// <summary>
/// A link the document cites: the issue that reported the incident, the pull request that fixed it, the
/// announcement that told users. <see cref="Url"/> is an absolute http(s) link; <see cref="Title"/> one line.
/// </summary>
public sealed record Reference
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public required UserRef Author { get; init; }

    public required DateTimeOffset At { get; init; }
}
