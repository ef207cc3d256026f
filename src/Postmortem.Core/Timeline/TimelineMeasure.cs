namespace Postmortem.Core.Timeline;

/// <summary>
/// One figure derived from the timeline, named with what it is measured from ("Time to mitigate, from detection"),
/// so readers never have to guess whether mitigation counts from the event start or from detection.
/// </summary>
/// <param name="Name">e.g. "Time to mitigate".</param>
/// <param name="Span">e.g. "from detection".</param>
/// <param name="Value">The duration, or null when the timeline lacks the points.</param>
/// <param name="Needs">What the timeline needs for it, e.g. "a detection and a mitigation entry".</param>
public sealed record TimelineMeasure(string Name, string Span, TimeSpan? Value, string Needs)
{
    /// <summary>"Time to mitigate, from detection".</summary>
    public string Label => $"{Name}, {Span}";

    /// <summary>The three figures every postmortem reports, in the order they are read.</summary>
    public static IReadOnlyList<TimelineMeasure> Of(TimelineFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return
        [
            new("Time to detect", "from the event start", figures.TimeToDetect, "the event start and a detection entry"),
            new("Time to mitigate", "from detection", figures.TimeToMitigate, "a detection and a mitigation entry"),
            new("Event duration", "from its start to its end", figures.EventDuration, "the event start and end"),
        ];
    }

    /// <summary>The duration in words, or "unknown (needs …)".</summary>
    public string Describe() => Value is { } value ? DurationFormatter.Format(value) : $"unknown (needs {Needs})";
}
