using Postmortem.Core.Chat;
using Postmortem.Core.Commands;

namespace Postmortem.Core.Sections;

/// <summary>
/// Saves a new revision of a section or question answer. <c>BaseRevision</c> is the revision the user saw
/// (0 = none yet); null skips the conflict check.
/// </summary>
public sealed record AnswerSection(string SectionKey, string Text, int? BaseRevision = null) : PostmortemCommand
{
    /// <summary>The chat message whose text this revision adds; a message is added to one answer once.</summary>
    public ChatSource? Source { get; init; }
}

/// <summary>Marks a section as skipped for now (answering it later un-skips it).</summary>
public sealed record SkipSection(string SectionKey, string? Reason = null) : PostmortemCommand;

public sealed record UnskipSection(string SectionKey) : PostmortemCommand;

/// <summary>Forgets a kept conflicting submission once it was merged by hand or is no longer wanted.</summary>
public sealed record DismissUnmergedEdit(int UnmergedEditId) : PostmortemCommand;
