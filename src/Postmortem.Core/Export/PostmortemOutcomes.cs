using Postmortem.Core.FiveWhys;

namespace Postmortem.Core.Export;

/// <summary>
/// The counts the template's authors summarised their postmortem with, in their words:
/// "21 Whys + answers, 6 Lessons Learned, 9 Corrective Actions, 11 Action Items".
/// </summary>
public sealed record PostmortemOutcomes(int WhysWithAnswers, int LessonsLearned, int CorrectiveActions, int ActionItems)
{
    public static PostmortemOutcomes Of(Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return new PostmortemOutcomes(
            WhyTree.Build(postmortem).Whys.Count(w => w.Answers.Count > 0),
            postmortem.Lessons.Count(l => !l.Retracted),
            postmortem.CorrectiveActions.Count(a => !postmortem.IsHidden(a)),
            postmortem.ActionItems.Count(i => !postmortem.IsHidden(i)));
    }

    public override string ToString() =>
        string.Join(", ",
            Count(WhysWithAnswers, "Why + answer", "Whys + answers"),
            Count(LessonsLearned, "Lesson Learned", "Lessons Learned"),
            Count(CorrectiveActions, "Corrective Action", "Corrective Actions"),
            Count(ActionItems, "Action Item", "Action Items"));

    private static string Count(int count, string one, string many) =>
        FormattableString.Invariant($"{count} {(count == 1 ? one : many)}");
}
