using Postmortem.Core.FiveWhys;

namespace Postmortem.Terminal.Rendering;

/// <summary>The Five Whys as an indented tree with path numbers; the unanswered whys are listed first.</summary>
public static class WhysView
{
    public static void Write(TerminalWriter output, Core.Postmortem postmortem, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        var tree = WhyTree.Build(postmortem);
        output.Heading(title);
        if (tree.Whys.Count == 0)
        {
            output.Line("  No whys yet. Start with: why ask <question>");
            return;
        }

        var unanswered = tree.UnansweredWhys.Select(n => n.Why.Path).ToList();
        output.Line(unanswered.Count == 0
            ? "  Every why has an answer."
            : $"  Unanswered: {string.Join(", ", unanswered)}");
        var rootCauses = tree.RootCauses.Select(a => a.Label).ToList();
        output.Line(rootCauses.Count == 0 ? "  No root cause marked yet." : $"  Root causes: {string.Join(", ", rootCauses)}");
        foreach (var root in tree.Roots)
        {
            WriteWhy(output, root, 2);
        }
    }

    private static void WriteWhy(TerminalWriter output, WhyNode node, int indent)
    {
        var pad = new string(' ', indent);
        output.Line($"{pad}Why {node.Why.Path}: {node.Why.Question}");
        if (node.Answers.Count == 0)
        {
            output.Line($"{pad}  (no answer yet: why answer {node.Why.Path} <answer>)");
        }

        foreach (var answer in node.Answers)
        {
            var marker = answer.Answer.IsRootCause ? "  [ROOT CAUSE]" : "";
            output.Line($"{pad}  {answer.Answer.Label}: {answer.Answer.Text}{marker}");
            foreach (var followUp in answer.FollowUps)
            {
                WriteWhy(output, followUp, indent + 4);
            }
        }
    }
}
