using Postmortem.Core.Actions;

namespace Postmortem.Terminal.Rendering;

/// <summary>Lessons learned with their corrective actions and action items, numbered 5 / 5a / 5a-i.</summary>
public static class ActionsView
{
    public static void Write(TerminalWriter output, Core.Postmortem postmortem, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        output.Heading(title);
        var lessons = postmortem.Lessons.Where(l => !l.Retracted).ToList();
        if (lessons.Count == 0)
        {
            output.Line("  No lessons yet. Start with: lesson add <what we learned> --from <root cause, e.g. 1.2a>");
            return;
        }

        var actionsByLesson = postmortem.CorrectiveActions.Where(a => !postmortem.IsHidden(a)).ToLookup(a => a.LessonId);
        var itemsByAction = postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)).ToLookup(i => i.CorrectiveActionId);
        foreach (var lesson in lessons)
        {
            var reflects = lesson.RootCauseAnswerIds
                .Select(id => postmortem.FindWhyAnswer(id)?.Label)
                .OfType<string>()
                .ToList();
            output.Line($"  Lesson {lesson.Label}: {lesson.Text}{(reflects.Count > 0 ? $"  (reflects {string.Join(", ", reflects)})" : "")}");
            if (!actionsByLesson[lesson.Id].Any())
            {
                output.Line($"    (no corrective action yet: action add-corrective {lesson.Label} <text>)");
            }

            foreach (var action in actionsByLesson[lesson.Id])
            {
                output.Line($"    {action.Label}: {action.Text}");
                if (!itemsByAction[action.Id].Any())
                {
                    output.Line($"      (no action item yet: action add-item {action.Label} <text> --owner <name> --due <date>)");
                }

                foreach (var item in itemsByAction[action.Id])
                {
                    output.Line($"      {item.Label}: {item.Text}  [{Describe(item)}]");
                }
            }
        }
    }

    public static string Describe(ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var owner = item.Owner is { } person ? $"owner {person.DisplayName}" : "no owner";
        var due = item.Due is { } date ? $"due {date:yyyy-MM-dd}" : "no due date";
        var status = item.Status switch
        {
            ActionItemStatus.Done => item.Evidence is { } evidence ? $"done: {evidence}" : "done",
            ActionItemStatus.Dropped => $"dropped: {item.DropReason}",
            _ => "open",
        };
        return $"{owner}, {due}, {status}";
    }
}
