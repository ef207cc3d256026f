using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Actions;

/// <summary>Adds a lesson; <c>RootCauseIds</c> are ids of why answers marked as root causes that it reflects.</summary>
public sealed record AddLesson(string Text, IReadOnlyList<int> RootCauseIds) : PostmortemCommand;

/// <summary>Edits a lesson; null <c>RootCauseIds</c> keeps the current links.</summary>
public sealed record EditLesson(int LessonId, string Text, IReadOnlyList<int>? RootCauseIds = null, int? BaseRevision = null)
    : PostmortemCommand;

public sealed record RetractLesson(int LessonId) : PostmortemCommand;

public sealed record AddCorrectiveAction(int LessonId, string Text) : PostmortemCommand;

public sealed record EditCorrectiveAction(int CorrectiveActionId, string Text, int? BaseRevision = null) : PostmortemCommand;

public sealed record RetractCorrectiveAction(int CorrectiveActionId) : PostmortemCommand;

public sealed record AddActionItem(int CorrectiveActionId, string Text, UserRef? Owner, DateOnly? Due) : PostmortemCommand;

/// <summary>Replaces the text, owner and due date (null clears owner/due).</summary>
public sealed record EditActionItem(int ActionItemId, string Text, UserRef? Owner, DateOnly? Due, int? BaseRevision = null)
    : PostmortemCommand;

public sealed record RetractActionItem(int ActionItemId) : PostmortemCommand;

public sealed record CompleteActionItem(int ActionItemId, string? Evidence = null) : PostmortemCommand;

public sealed record DropActionItem(int ActionItemId, string Reason) : PostmortemCommand;

public sealed record ReopenActionItem(int ActionItemId) : PostmortemCommand;
