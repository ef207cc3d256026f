using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Actions;

/// <summary>A lesson learned ("5"), optionally linked to the root-cause answers it reflects.</summary>
public sealed record Lesson
{
    public required int Id { get; init; }

    public required int Ordinal { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<int> RootCauseAnswerIds { get; init; } = [];

    public int Revision { get; init; } = 1;

    public required UserRef Author { get; init; }

    public required DateTimeOffset At { get; init; }

    public bool Retracted { get; init; }

    public int NextCorrectiveActionOrdinal { get; init; } = 1;

    public string Label => Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
