using Postmortem.Core.Facilitation;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Templates;

namespace Postmortem.Core.Chat;

/// <summary>
/// What a chat message can answer: a section or question (<see cref="WhyId"/> null, <see cref="SectionKey"/> its
/// key) or a why (<see cref="WhyId"/> set). <see cref="Title"/> is what a picker shows.
/// </summary>
public sealed record AnswerTarget(string SectionKey, int? WhyId, string Title)
{
    /// <summary>
    /// The current prompt first, when it asks for a text answer or a why's answer, then every visible why,
    /// unanswered ones first (they are what the discussion usually answers), in tree order. A final postmortem
    /// takes no answers, so it has none.
    /// </summary>
    public static IReadOnlyList<AnswerTarget> For(Postmortem postmortem, PostmortemTemplate template)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        if (postmortem.IsReadOnly)
        {
            return [];
        }

        var targets = new List<AnswerTarget>();
        var prompt = Facilitator.NextPrompt(postmortem, template);
        var whysKey = template.FirstOfKind(SectionKind.Whys)?.Key ?? "";
        if (prompt is { Kind: PromptKind.Answer, SectionKey.Length: > 0 })
        {
            targets.Add(new AnswerTarget(prompt.SectionKey, null, $"Current prompt: {prompt.Title}"));
        }

        var tree = WhyTree.Build(postmortem);
        if (prompt is { Kind: PromptKind.AnswerWhy, TargetId: { } whyId } && postmortem.FindWhy(whyId) is { } current)
        {
            targets.Add(new AnswerTarget(whysKey, whyId, $"Current prompt: Why {current.Path} {current.Question}"));
        }

        foreach (var node in tree.Whys.OrderBy(n => n.Answers.Count == 0 ? 0 : 1))
        {
            if (!targets.Exists(t => t.WhyId == node.Why.Id))
            {
                targets.Add(new AnswerTarget(whysKey, node.Why.Id, $"Why {node.Why.Path} {node.Why.Question}"));
            }
        }

        return targets;
    }
}
