using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Sections;

/// <summary>
/// Text someone submitted on top of a revision that was no longer current. It is kept (never lost) until its
/// author saves a merged version of the same target or someone dismisses it. <c>Target</c> says what the text
/// was for (see <see cref="EditTarget"/>, e.g. <c>section:summary</c>, <c>why:7</c>); <c>BaseRevision</c> is the
/// revision the author was looking at and <c>CurrentRevision</c> the one that was current when it arrived.
/// </summary>
public sealed record UnmergedEdit(
    int Id,
    string Target,
    string Text,
    UserRef Author,
    DateTimeOffset At,
    int BaseRevision,
    int CurrentRevision);
