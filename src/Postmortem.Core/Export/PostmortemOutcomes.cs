using Postmortem.Core.FiveWhys;

namespace Postmortem.Core.Export;

/// <summary>
/// The counts the template's authors summarised their postmortem with:
/// "21 whys with answers, 6 lessons learned, 9 corrective actions, 11 action items".
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
            Count(WhysWithAnswers, "why with an answer", "whys with answers"),
            Count(LessonsLearned, "lesson learned", "lessons learned"),
            Count(CorrectiveActions, "corrective action", "corrective actions"),
            Count(ActionItems, "action item", "action items"));

    private static string Count(int count, string one, string many) =>
        FormattableString.Invariant($"{count} {(count == 1 ? one : many)}");
}
