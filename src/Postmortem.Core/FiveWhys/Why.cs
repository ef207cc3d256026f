using Postmortem.Core.Postmortems;

namespace Postmortem.Core.FiveWhys;

/// <summary>
/// A "why?" question in the Five Whys tree. Top-level whys have no <see cref="FromAnswerId"/>; follow-ups
/// were asked from an answer of <see cref="ParentWhyId"/>. <see cref="Path"/> ("1.2.1") is fixed at creation,
/// so editing or retracting other nodes never renumbers this one.
/// </summary>
public sealed record Why
{
    public required int Id { get; init; }

    public required string Path { get; init; }

    public int? ParentWhyId { get; init; }

    public int? FromAnswerId { get; init; }

    public required string Question { get; init; }

    public int Revision { get; init; } = 1;

    public required UserRef Author { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Retracted nodes keep their number and are hidden from displays.</summary>
    public bool Retracted { get; init; }

    /// <summary>The ordinal the next follow-up why (asked from any answer of this why) will get.</summary>
    public int NextFollowUpOrdinal { get; init; } = 1;

    /// <summary>The ordinal the next answer to this why will get (1 = a, 2 = b, ...).</summary>
    public int NextAnswerOrdinal { get; init; } = 1;
}
