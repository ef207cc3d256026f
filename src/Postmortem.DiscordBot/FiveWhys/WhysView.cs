using System.Globalization;
using Postmortem.Core.FiveWhys;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// <c>/postmortem whys</c>: the tree as pages. Unanswered whys come first (what to work on), then the whole tree as
/// a nested list with path numbers, root causes marked. Built in one pass over <see cref="WhyTree"/>, so 50+ nodes
/// stay cheap; long texts continue on the next page instead of being cut.
/// </summary>
public static class WhysView
{
    public const string Prefix = "whys";

    private const string Indent = "  ";

    public static IReadOnlyList<string> Pages(Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var tree = WhyTree.Build(postmortem);
        var unanswered = tree.UnansweredWhys.ToList();
        var rootCauses = tree.RootCauses.Count();
        var lines = new List<string>
        {
            $"**Five Whys of #{postmortem.Id}: {DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}** · "
            + $"{Count(tree.Whys.Count, "why", "whys")}, {Count(tree.Answers.Count, "answer", "answers")}, "
            + $"{Count(rootCauses, "root cause", "root causes")}",
        };
        if (tree.Whys.Count == 0)
        {
            lines.Add("No whys yet. Ask the first one with `/postmortem why ask`.");
            return TextPages.Paginate(lines);
        }

        if (unanswered.Count > 0)
        {
            lines.Add($"**Unanswered ({unanswered.Count.ToString(CultureInfo.InvariantCulture)})**");
            lines.AddRange(unanswered.Select(n => $"- **Why {n.Why.Path}** {Text(n.Why.Question)}"));
        }
        else if (rootCauses == 0)
        {
            lines.Add("Every why has an answer; mark the **root causes** (the 🎯 button on an answer) or dig deeper.");
        }

        lines.Add("**Tree**");
        foreach (var root in tree.Roots)
        {
            AddWhy(lines, root, depth: 0);
        }

        return TextPages.Paginate(lines);
    }

    private static void AddWhy(List<string> lines, WhyNode node, int depth)
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth * 2));
        lines.Add($"{indent}- **Why {node.Why.Path}** {Text(node.Why.Question)}{(node.Answers.Count == 0 ? " _(unanswered)_" : "")}");
        foreach (var answer in node.Answers)
        {
            var mark = answer.Answer.IsRootCause ? " 🎯 **root cause**" : "";
            lines.Add($"{indent}{Indent}- **{answer.Answer.Label}** {Text(answer.Answer.Text)}{mark}");
            foreach (var followUp in answer.FollowUps)
            {
                AddWhy(lines, followUp, depth + 1);
            }
        }
    }

    private static string Text(string text) => DiscordMarkdown.Escape(text, singleLine: true);

    private static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
