using Postmortem.Core.Timeline;

namespace Postmortem.Terminal;

/// <summary>The short names of timeline entry kinds used in commands and views.</summary>
public static class TimelineKinds
{
    public const string Choices = "start, end, detected, mitigated, resolved or note";

    public static string Name(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.EventStart => "start",
        TimelineEntryKind.EventEnd => "end",
        TimelineEntryKind.Detected => "detected",
        TimelineEntryKind.Mitigated => "mitigated",
        TimelineEntryKind.Resolved => "resolved",
        _ => "note",
    };

    public static bool TryParse(string text, out TimelineEntryKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        TimelineEntryKind? parsed = text.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "START" or "EVENTSTART" => TimelineEntryKind.EventStart,
            "END" or "EVENTEND" => TimelineEntryKind.EventEnd,
            "DETECTED" => TimelineEntryKind.Detected,
            "MITIGATED" => TimelineEntryKind.Mitigated,
            "RESOLVED" => TimelineEntryKind.Resolved,
            "NOTE" => TimelineEntryKind.Note,
            _ => null,
        };
        kind = parsed ?? TimelineEntryKind.Note;
        return parsed is not null;
    }
}
