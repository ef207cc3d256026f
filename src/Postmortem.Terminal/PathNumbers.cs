using System.Globalization;
using System.Text.RegularExpressions;
using Postmortem.Core.Actions;
using Postmortem.Core.FiveWhys;

namespace Postmortem.Terminal;

/// <summary>
/// Maps the numbers people see (why 1.2, answer 1.2a, lesson 5, corrective action 5a, action item 5a-i) to the
/// engine's ids. Each lookup returns a clear message when the number does not exist or was retracted.
/// </summary>
public static partial class PathNumbers
{
    public static bool IsWhyPath(string text) => WhyPath().IsMatch(text);

    public static bool IsAnswerLabel(string text) => AnswerLabel().IsMatch(text);

    public static string? FindWhy(Core.Postmortem postmortem, string path, out Why why)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        why = null!;
        if (!IsWhyPath(path))
        {
            return $"\"{path}\" is not a why number; whys are numbered 1, 2, 1.1, 1.2.1 (type whys to see them).";
        }

        why = postmortem.Whys.FirstOrDefault(w => w.Path == path)!;
        if (why is null)
        {
            return $"Why {path} does not exist (type whys to see the tree).";
        }

        return postmortem.IsHidden(why) ? $"Why {path} was retracted." : null;
    }

    public static string? FindAnswer(Core.Postmortem postmortem, string label, out WhyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        answer = null!;
        if (!IsAnswerLabel(label))
        {
            return $"\"{label}\" is not an answer number; answers are lettered under their why, e.g. 1a or 1.2b (type whys to see them).";
        }

        answer = postmortem.WhyAnswers.FirstOrDefault(a => a.Label == label)!;
        if (answer is null)
        {
            return $"Answer {label} does not exist (type whys to see the tree).";
        }

        return postmortem.IsHidden(answer) ? $"Answer {label} was retracted." : null;
    }

    public static string? FindLesson(Core.Postmortem postmortem, string label, out Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        lesson = null!;
        if (!LessonLabel().IsMatch(label))
        {
            return $"\"{label}\" is not a lesson number; lessons are numbered 1, 2, 3 (type actions to see them).";
        }

        lesson = postmortem.Lessons.FirstOrDefault(l => l.Label == label)!;
        if (lesson is null)
        {
            return $"Lesson {label} does not exist (type actions to see the lessons).";
        }

        return lesson.Retracted ? $"Lesson {label} was removed." : null;
    }

    public static string? FindCorrectiveAction(Core.Postmortem postmortem, string label, out CorrectiveAction action)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        action = null!;
        if (!CorrectiveActionLabel().IsMatch(label))
        {
            return $"\"{label}\" is not a corrective action number; they are lettered under their lesson, e.g. 5a (type actions to see them).";
        }

        action = postmortem.CorrectiveActions.FirstOrDefault(a => a.Label == label)!;
        if (action is null)
        {
            return $"Corrective action {label} does not exist (type actions to see them).";
        }

        return postmortem.IsHidden(action) ? $"Corrective action {label} was removed." : null;
    }

    public static string? FindActionItem(Core.Postmortem postmortem, string label, out ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        item = null!;
        if (!ActionItemLabel().IsMatch(label))
        {
            return $"\"{label}\" is not an action item number; they look like 5a-i (type actions to see them).";
        }

        item = postmortem.ActionItems.FirstOrDefault(i => i.Label == label)!;
        if (item is null)
        {
            return $"Action item {label} does not exist (type actions to see them).";
        }

        return postmortem.IsHidden(item) ? $"Action item {label} was removed." : null;
    }

    /// <summary>A timeline entry number as shown by <c>timeline</c> (<c>3</c> or <c>#3</c>).</summary>
    public static string? FindTimelineEntry(Core.Postmortem postmortem, string text, out Core.Timeline.TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        entry = null!;
        var digits = text.TrimStart('#');
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return $"\"{text}\" is not a timeline entry number such as #3 (type timeline to see them).";
        }

        entry = postmortem.FindTimelineEntry(id)!;
        return entry is null ? $"Timeline entry #{id} does not exist (type timeline to see them)." : null;
    }

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex WhyPath();

    [GeneratedRegex(@"^\d+(\.\d+)*[a-z]+$")]
    private static partial Regex AnswerLabel();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex LessonLabel();

    [GeneratedRegex(@"^\d+[a-z]+$")]
    private static partial Regex CorrectiveActionLabel();

    [GeneratedRegex(@"^\d+[a-z]+-[ivxlcdm]+$")]
    private static partial Regex ActionItemLabel();
}
