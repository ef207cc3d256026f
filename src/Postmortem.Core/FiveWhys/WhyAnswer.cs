using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.FiveWhys;

/// <summary>An answer to a <see cref="Why"/>, labelled by its why's path and a letter ("1.2a").</summary>
public sealed record WhyAnswer
{
    public required int Id { get; init; }

    public required int WhyId { get; init; }

    public required string Label { get; init; }

    public required string Text { get; init; }

    public int Revision { get; init; } = 1;

    public bool IsRootCause { get; init; }

    public required UserRef Author { get; init; }

    public required DateTimeOffset At { get; init; }

    public bool Retracted { get; init; }

    /// <summary>The chat message this answer was taken from, if any.</summary>
    public ChatSource? Source { get; init; }
}
