namespace Postmortem.Core.Postmortems;

/// <summary>
/// The next id of each kind of child item. Ids are small, never reused within one postmortem, and short
/// enough for chat component ids such as <c>pm:42:why:7:answer</c>.
/// </summary>
public sealed record IdCounters
{
    public int NextTimelineEntryId { get; init; } = 1;

    public int NextMetricId { get; init; } = 1;

    public int NextWhyId { get; init; } = 1;

    public int NextWhyAnswerId { get; init; } = 1;

    public int NextLessonId { get; init; } = 1;

    public int NextCorrectiveActionId { get; init; } = 1;

    public int NextActionItemId { get; init; } = 1;

    public int NextUnmergedEditId { get; init; } = 1;

    public int NextReferenceId { get; init; } = 1;

    /// <summary>The path number the next top-level why gets ("1", "2", ...).</summary>
    public int NextTopLevelWhyOrdinal { get; init; } = 1;

    /// <summary>The number the next lesson gets ("5").</summary>
    public int NextLessonOrdinal { get; init; } = 1;
}
