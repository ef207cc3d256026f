namespace Postmortem.Core.Timeline;

public enum TimelineEntryKind
{
    Note,
    EventStart,
    EventEnd,
    Detected,
    Mitigated,
    Resolved,
}
