using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Timeline;

/// <summary>One point on the incident timeline. <see cref="At"/> is a UTC instant.</summary>
public sealed record TimelineEntry
{
    public required int Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Text { get; init; }

    public TimelineEntryKind Kind { get; init; }

    public required UserRef Author { get; init; }

    /// <summary>The chat message this entry was taken from, if any (its link jumps back to the discussion).</summary>
    public ChatSource? Source { get; init; }

    /// <summary>Starts at 1; every edit increments it (item-level optimistic concurrency).</summary>
    public int Revision { get; init; } = 1;
}
