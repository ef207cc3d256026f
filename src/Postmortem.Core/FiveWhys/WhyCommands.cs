using Postmortem.Core.Chat;
using Postmortem.Core.Commands;

namespace Postmortem.Core.FiveWhys;

/// <summary>Asks a top-level why (no answer) or a follow-up why sparked by an answer.</summary>
public sealed record AskWhy(int? FromAnswerId, string Question) : PostmortemCommand;

public sealed record AnswerWhy(int WhyId, string Text) : PostmortemCommand
{
    /// <summary>The chat message the answer comes from; a message answers one why once.</summary>
    public ChatSource? Source { get; init; }
}

public sealed record EditWhy(int WhyId, string Question, int? BaseRevision = null) : PostmortemCommand;

public sealed record EditWhyAnswer(int AnswerId, string Text, int? BaseRevision = null) : PostmortemCommand;

/// <summary>Hides a why and everything below it; its number is never reused.</summary>
public sealed record RetractWhy(int WhyId) : PostmortemCommand;

/// <summary>Hides an answer and the follow-ups it sparked; its letter is never reused.</summary>
public sealed record RetractWhyAnswer(int AnswerId) : PostmortemCommand;

public sealed record MarkRootCause(int AnswerId, bool IsRootCause = true) : PostmortemCommand;
