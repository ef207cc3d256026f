using Postmortem.Core.Timeline;
using Postmortem.Discord.Models;

namespace Postmortem.DiscordBot.Timeline;

/// <summary>The kinds of timeline entry as commands name them (<c>event-start</c>…) and as messages show them.</summary>
public static class TimelineKinds
{
    private static readonly (TimelineEntryKind Kind, string Value, string Name, string Icon)[] _all =
    [
        (TimelineEntryKind.EventStart, "event-start", "Event start", "🔴"),
        (TimelineEntryKind.Detected, "detected", "Detected", "🔎"),
        (TimelineEntryKind.Mitigated, "mitigated", "Mitigated", "🩹"),
        (TimelineEntryKind.Resolved, "resolved", "Resolved", "✅"),
        (TimelineEntryKind.EventEnd, "event-end", "Event end", "🏁"),
        (TimelineEntryKind.Note, "note", "Note", "📝"),
    ];

    /// <summary>The choices of a <c>kind</c> option.</summary>
    public static IReadOnlyList<ApplicationCommandChoice> Choices { get; } =
        [.. _all.Select(k => ApplicationCommandChoice.Create(k.Name, k.Value))];

    /// <summary>The options of a kind select menu.</summary>
    public static IReadOnlyList<SelectOption> Options { get; } =
        [.. _all.Select(k => new SelectOption(k.Name, k.Value))];

    public static bool TryParse(string? value, out TimelineEntryKind kind)
    {
        foreach (var known in _all)
        {
            if (string.Equals(known.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = known.Kind;
                return true;
            }
        }

        kind = TimelineEntryKind.Note;
        return false;
    }

    /// <summary>e.g. "🔎 Detected".</summary>
    public static string Describe(TimelineEntryKind kind) =>
        _all.FirstOrDefault(k => k.Kind == kind) is { Name: { } name } known ? $"{known.Icon} {name}" : kind.ToString();

    public static string Name(TimelineEntryKind kind) =>
        _all.FirstOrDefault(k => k.Kind == kind).Name ?? kind.ToString();
}
