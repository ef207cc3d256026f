using Postmortem.Core.Actions;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Text;

namespace Postmortem.Core;

public sealed partial class Postmortem
{
    public IReadOnlyList<Lesson> Lessons => _lessons.Items;

    public IReadOnlyList<CorrectiveAction> CorrectiveActions => _correctiveActions.Items;

    public IReadOnlyList<ActionItem> ActionItems => _actionItems.Items;

    public Lesson? FindLesson(int id) => _lessons.Find(id);

    public CorrectiveAction? FindCorrectiveAction(int id) => _correctiveActions.Find(id);

    public ActionItem? FindActionItem(int id) => _actionItems.Find(id);

    /// <summary>True when the item or anything above it (corrective action, lesson) was retracted.</summary>
    public bool IsHidden(CorrectiveAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Retracted || _lessons.Find(action.LessonId) is not { Retracted: false };
    }

    public bool IsHidden(ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Retracted || _correctiveActions.Find(item.CorrectiveActionId) is not { } action || IsHidden(action);
    }

    private CommandResult ApplyAddLesson(AddLesson command, UserRef actor, DateTimeOffset now)
    {
        if (InputRules.Text(command.Text, "The lesson", Limits.MaxTextLength, out var text) is { } error)
        {
            return error;
        }

        if (ValidateRootCauses(command.RootCauseIds, out var rootCauses) is { } rootError)
        {
            return rootError;
        }

        var lesson = new Lesson
        {
            Id = _counters.NextLessonId,
            Ordinal = _counters.NextLessonOrdinal,
            Text = text,
            RootCauseAnswerIds = rootCauses,
            Author = actor,
            At = now,
        };
        _counters = _counters with { NextLessonId = lesson.Id + 1, NextLessonOrdinal = lesson.Ordinal + 1 };
        _lessons.Add(lesson);
        return CommandResult.Success(lesson.Id);
    }

    private CommandResult ApplyEditLesson(EditLesson command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleLesson(command.LessonId, out var lesson) is { } lessonError)
        {
            return lessonError;
        }

        if (InputRules.Text(command.Text, "The lesson", Limits.MaxTextLength, out var text) is { } error)
        {
            return error;
        }

        var rootCauses = lesson.RootCauseAnswerIds;
        if (command.RootCauseIds is not null && ValidateRootCauses(command.RootCauseIds, out rootCauses) is { } rootError)
        {
            return rootError;
        }

        var target = EditTarget.Lesson(lesson.Id);
        if (CheckRevision(target, command.BaseRevision, lesson.Revision, lesson.Text, lesson.Author, text, actor, now) is { } conflict)
        {
            return conflict;
        }

        ClearUnmerged(target, actor);
        _lessons.Replace(lesson with
        {
            Text = text,
            RootCauseAnswerIds = rootCauses,
            Revision = text == lesson.Text ? lesson.Revision : lesson.Revision + 1,
        });
        return CommandResult.Success(lesson.Id);
    }

    private CommandResult ApplyRetractLesson(RetractLesson command)
    {
        if (FindVisibleLesson(command.LessonId, out var lesson) is { } error)
        {
            return error;
        }

        _lessons.Replace(lesson with { Retracted = true });
        return CommandResult.Success(lesson.Id);
    }

    private CommandResult ApplyAddCorrectiveAction(AddCorrectiveAction command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleLesson(command.LessonId, out var lesson) is { } lessonError)
        {
            return lessonError;
        }

        if (InputRules.Text(command.Text, "The corrective action", Limits.MaxTextLength, out var text) is { } error)
        {
            return error;
        }

        var action = new CorrectiveAction
        {
            Id = _counters.NextCorrectiveActionId,
            LessonId = lesson.Id,
            Ordinal = lesson.NextCorrectiveActionOrdinal,
            Label = lesson.Label + Numbering.Letters(lesson.NextCorrectiveActionOrdinal),
            Text = text,
            Author = actor,
            At = now,
        };
        _counters = _counters with { NextCorrectiveActionId = action.Id + 1 };
        _lessons.Replace(lesson with { NextCorrectiveActionOrdinal = lesson.NextCorrectiveActionOrdinal + 1 });
        _correctiveActions.Add(action);
        return CommandResult.Success(action.Id);
    }

    private CommandResult ApplyEditCorrectiveAction(EditCorrectiveAction command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleCorrectiveAction(command.CorrectiveActionId, out var action) is { } actionError)
        {
            return actionError;
        }

        if (InputRules.Text(command.Text, "The corrective action", Limits.MaxTextLength, out var text) is { } error)
        {
            return error;
        }

        var target = EditTarget.CorrectiveAction(action.Id);
        if (CheckRevision(target, command.BaseRevision, action.Revision, action.Text, action.Author, text, actor, now) is { } conflict)
        {
            return conflict;
        }

        ClearUnmerged(target, actor);
        if (text != action.Text)
        {
            _correctiveActions.Replace(action with { Text = text, Revision = action.Revision + 1 });
        }

        return CommandResult.Success(action.Id);
    }

    private CommandResult ApplyRetractCorrectiveAction(RetractCorrectiveAction command)
    {
        if (FindVisibleCorrectiveAction(command.CorrectiveActionId, out var action) is { } error)
        {
            return error;
        }

        _correctiveActions.Replace(action with { Retracted = true });
        return CommandResult.Success(action.Id);
    }

    private CommandResult ApplyAddActionItem(AddActionItem command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleCorrectiveAction(command.CorrectiveActionId, out var action) is { } actionError)
        {
            return actionError;
        }

        if (ValidateActionItem(command.Text, command.Due, now, out var text) is { } error)
        {
            return error;
        }

        var item = new ActionItem
        {
            Id = _counters.NextActionItemId,
            CorrectiveActionId = action.Id,
            Ordinal = action.NextActionItemOrdinal,
            Label = action.Label + "-" + Numbering.Roman(action.NextActionItemOrdinal),
            Text = text,
            Owner = command.Owner,
            Due = command.Due,
            Author = actor,
            At = now,
        };
        _counters = _counters with { NextActionItemId = item.Id + 1 };
        _correctiveActions.Replace(action with { NextActionItemOrdinal = action.NextActionItemOrdinal + 1 });
        _actionItems.Add(item);
        return CommandResult.Success(item.Id);
    }

    private CommandResult ApplyEditActionItem(EditActionItem command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleActionItem(command.ActionItemId, out var item) is { } itemError)
        {
            return itemError;
        }

        // An unchanged due date may lie in the past by now; only a newly chosen date must be in the future.
        var newDue = command.Due == item.Due ? null : command.Due;
        if (ValidateActionItem(command.Text, newDue, now, out var text) is { } error)
        {
            return error;
        }

        var target = EditTarget.ActionItem(item.Id);
        if (CheckRevision(target, command.BaseRevision, item.Revision, item.Text, item.Author, text, actor, now) is { } conflict)
        {
            return conflict;
        }

        ClearUnmerged(target, actor);
        _actionItems.Replace(item with { Text = text, Owner = command.Owner, Due = command.Due, Revision = item.Revision + 1 });
        return CommandResult.Success(item.Id);
    }

    private CommandResult ApplyRetractActionItem(RetractActionItem command)
    {
        if (FindVisibleActionItem(command.ActionItemId, out var item) is { } error)
        {
            return error;
        }

        _actionItems.Replace(item with { Retracted = true });
        return CommandResult.Success(item.Id);
    }

    private CommandResult ApplyCompleteActionItem(CompleteActionItem command, DateTimeOffset now)
    {
        if (FindOpenActionItem(command.ActionItemId, out var item) is { } error)
        {
            return error;
        }

        if (InputRules.OptionalText(command.Evidence, "The evidence", Limits.MaxReasonLength, out var evidence) is { } evidenceError)
        {
            return evidenceError;
        }

        _actionItems.Replace(item with { Status = ActionItemStatus.Done, Evidence = evidence, ClosedAt = now });
        return CommandResult.Success(item.Id);
    }

    private CommandResult ApplyDropActionItem(DropActionItem command, DateTimeOffset now)
    {
        if (FindOpenActionItem(command.ActionItemId, out var item) is { } error)
        {
            return error;
        }

        if (InputRules.Text(command.Reason, "The reason for dropping it", Limits.MaxReasonLength, out var reason) is { } reasonError)
        {
            return reasonError;
        }

        _actionItems.Replace(item with { Status = ActionItemStatus.Dropped, DropReason = reason, ClosedAt = now });
        return CommandResult.Success(item.Id);
    }

    // Only an open item can be closed, as done or as dropped.
    private UserError? FindOpenActionItem(int id, out ActionItem item)
    {
        if (FindVisibleActionItem(id, out item) is { } error)
        {
            return error;
        }

        return item.Status == ActionItemStatus.Open
            ? null
            : new UserError(ErrorCodes.WrongState, $"Action item {item.Label} is already {Describe(item.Status)}; reopen it first.");
    }

    private CommandResult ApplyReopenActionItem(ReopenActionItem command)
    {
        if (FindVisibleActionItem(command.ActionItemId, out var item) is { } error)
        {
            return error;
        }

        if (item.Status == ActionItemStatus.Open)
        {
            return new UserError(ErrorCodes.WrongState, $"Action item {item.Label} is already open.");
        }

        _actionItems.Replace(item with { Status = ActionItemStatus.Open, DropReason = null, Evidence = null, ClosedAt = null });
        return CommandResult.Success(item.Id);
    }

    private static string Describe(ActionItemStatus status) => status == ActionItemStatus.Done ? "done" : "dropped";

    // Due dates are calendar dates in the team's zone, which the core does not know: a date is "in the past"
    // only once it is over everywhere, i.e. before yesterday in UTC.
    private static UserError? ValidateActionItem(string text, DateOnly? due, DateTimeOffset now, out string normalized)
    {
        if (InputRules.Text(text, "The action item", Limits.MaxTextLength, out normalized) is { } error)
        {
            return error;
        }

        var earliest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        return due is { } date && date < earliest
            ? UserError.Invalid($"The due date {date:yyyy-MM-dd} is in the past.")
            : null;
    }

    private UserError? ValidateRootCauses(IReadOnlyList<int>? ids, out IReadOnlyList<int> rootCauses)
    {
        rootCauses = [.. (ids ?? []).Distinct()];
        foreach (var id in rootCauses)
        {
            if (FindVisibleAnswer(id, out var answer) is { } error)
            {
                return error;
            }

            if (!answer.IsRootCause)
            {
                return UserError.Invalid($"Answer {answer.Label} is not marked as a root cause.");
            }
        }

        return null;
    }

    private UserError? FindVisibleLesson(int id, out Lesson lesson)
    {
        lesson = _lessons.Find(id)!;
        if (lesson is null)
        {
            return UserError.NotFound($"Lesson {id} does not exist.");
        }

        return lesson.Retracted ? UserError.NotFound($"Lesson {lesson.Label} was removed.") : null;
    }

    private UserError? FindVisibleCorrectiveAction(int id, out CorrectiveAction action)
    {
        action = _correctiveActions.Find(id)!;
        if (action is null)
        {
            return UserError.NotFound($"Corrective action {id} does not exist.");
        }

        return IsHidden(action) ? UserError.NotFound($"Corrective action {action.Label} was removed.") : null;
    }

    private UserError? FindVisibleActionItem(int id, out ActionItem item)
    {
        item = _actionItems.Find(id)!;
        if (item is null)
        {
            return UserError.NotFound($"Action item {id} does not exist.");
        }

        return IsHidden(item) ? UserError.NotFound($"Action item {item.Label} was removed.") : null;
    }
}
