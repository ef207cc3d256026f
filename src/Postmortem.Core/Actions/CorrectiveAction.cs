using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Actions;

/// <summary>A long-term corrective action ("5a") under a lesson.</summary>
public sealed record CorrectiveAction
{
    public required int Id { get; init; }

    public required int LessonId { get; init; }

    public required int Ordinal { get; init; }

    /// <summary>The display label fixed at creation, e.g. "5a".</summary>
    public required string Label { get; init; }

    public required string Text { get; init; }

    public int Revision { get; init; } = 1;

    public required UserRef Author { get; init; }

    public required DateTimeOffset At { get; init; }

    public bool Retracted { get; init; }

    public int NextActionItemOrdinal { get; init; } = 1;
}
