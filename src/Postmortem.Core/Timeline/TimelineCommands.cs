using Postmortem.Core.Chat;
using Postmortem.Core.Commands;

namespace Postmortem.Core.Timeline;

/// <summary>Adds a timeline entry; <c>At</c> may have any offset and is stored as the UTC instant.</summary>
public sealed record AddTimelineEntry(DateTimeOffset At, string Text, TimelineEntryKind Kind = TimelineEntryKind.Note)
    : PostmortemCommand
{
    /// <summary>The chat message the entry comes from; the same message is put on the timeline once.</summary>
    public ChatSource? Source { get; init; }
}

public sealed record EditTimelineEntry(
    int EntryId,
    DateTimeOffset At,
    string Text,
    TimelineEntryKind Kind,
    int? BaseRevision = null) : PostmortemCommand;

public sealed record RemoveTimelineEntry(int EntryId) : PostmortemCommand;
