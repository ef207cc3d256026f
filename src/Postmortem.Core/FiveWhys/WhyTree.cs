namespace Postmortem.Core.FiveWhys;

/// <summary>A visible answer and the follow-up whys it sparked.</summary>
public sealed record WhyAnswerNode(WhyAnswer Answer, IReadOnlyList<WhyNode> FollowUps);

/// <summary>A visible why, its visible answers and its depth (0 for top-level whys).</summary>
public sealed record WhyNode(Why Why, IReadOnlyList<WhyAnswerNode> Answers, int Depth);

/// <summary>
/// The visible Five Whys tree (retracted nodes and everything below them left out), built in one linear pass
/// so displays stay cheap for large trees.
/// </summary>
public sealed class WhyTree
{
    private WhyTree(IReadOnlyList<WhyNode> roots, IReadOnlyList<WhyNode> whys, IReadOnlyList<WhyAnswerNode> answers)
    {
        Roots = roots;
        Whys = whys;
        Answers = answers;
    }

    public IReadOnlyList<WhyNode> Roots { get; }

    /// <summary>Every visible why in display (pre-order) order.</summary>
    public IReadOnlyList<WhyNode> Whys { get; }

    /// <summary>Every visible answer in display order.</summary>
    public IReadOnlyList<WhyAnswerNode> Answers { get; }

    public IEnumerable<WhyNode> UnansweredWhys => Whys.Where(w => w.Answers.Count == 0);

    public IEnumerable<WhyAnswer> RootCauses => Answers.Select(a => a.Answer).Where(a => a.IsRootCause);

    public static WhyTree Build(Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return Build(postmortem.Whys, postmortem.WhyAnswers);
    }

    public static WhyTree Build(IReadOnlyList<Why> whys, IReadOnlyList<WhyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(whys);
        ArgumentNullException.ThrowIfNull(answers);
        var answersByWhy = answers.Where(a => !a.Retracted).ToLookup(a => a.WhyId);
        var followUpsByAnswer = whys.Where(w => !w.Retracted && w.FromAnswerId is not null).ToLookup(w => w.FromAnswerId!.Value);
        var allWhys = new List<WhyNode>();
        var allAnswers = new List<WhyAnswerNode>();

        WhyNode Visit(Why why, int depth)
        {
            // Pre-order: reserve the why's slot before its descendants are added.
            var slot = allWhys.Count;
            allWhys.Add(null!);
            var answerNodes = new List<WhyAnswerNode>();
            foreach (var answer in answersByWhy[why.Id])
            {
                var answerSlot = allAnswers.Count;
                allAnswers.Add(null!);
                var followUps = followUpsByAnswer[answer.Id].Select(f => Visit(f, depth + 1)).ToList();
                var answerNode = new WhyAnswerNode(answer, followUps);
                allAnswers[answerSlot] = answerNode;
                answerNodes.Add(answerNode);
            }

            var node = new WhyNode(why, answerNodes, depth);
            allWhys[slot] = node;
            return node;
        }

        var roots = whys.Where(w => !w.Retracted && w.FromAnswerId is null).Select(w => Visit(w, 0)).ToList();
        return new WhyTree(roots, allWhys, allAnswers);
    }
}
