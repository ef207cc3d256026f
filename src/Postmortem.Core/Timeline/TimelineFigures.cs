namespace Postmortem.Core.Timeline;

/// <summary>
/// Figures derived from the timeline; each is null when the timeline lacks the points it needs
/// (or when they are out of order).
/// </summary>
public sealed record TimelineFigures(
    DateTimeOffset? EventStart,
    DateTimeOffset? EventEnd,
    DateTimeOffset? FirstDetected,
    DateTimeOffset? FirstMitigated,
    DateTimeOffset? FirstResolved)
{
    /// <summary>Event start to first detection.</summary>
    public TimeSpan? TimeToDetect => Between(EventStart, FirstDetected);

    /// <summary>First detection to first mitigation.</summary>
    public TimeSpan? TimeToMitigate => Between(FirstDetected, FirstMitigated);

    /// <summary>Event start to event end.</summary>
    public TimeSpan? EventDuration => Between(EventStart, EventEnd);

    public static TimelineFigures From(IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        DateTimeOffset? start = null, end = null, detected = null, mitigated = null, resolved = null;
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case TimelineEntryKind.EventStart:
                    start = Earliest(start, entry.At);
                    break;
                case TimelineEntryKind.EventEnd:
                    end = Latest(end, entry.At);
                    break;
                case TimelineEntryKind.Detected:
                    detected = Earliest(detected, entry.At);
                    break;
                case TimelineEntryKind.Mitigated:
                    mitigated = Earliest(mitigated, entry.At);
                    break;
                case TimelineEntryKind.Resolved:
                    resolved = Earliest(resolved, entry.At);
                    break;
                default:
                    break;
            }
        }

        return new TimelineFigures(start, end, detected, mitigated, resolved);
    }

    private static TimeSpan? Between(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } a && to is { } b && b >= a ? b - a : null;

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c <= candidate ? c : candidate;

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c >= candidate ? c : candidate;
}
