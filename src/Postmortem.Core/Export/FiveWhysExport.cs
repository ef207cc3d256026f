using Postmortem.Core.FiveWhys;

namespace Postmortem.Core.Export;

/// <summary>
/// The Five Whys: first the root causes (what the lessons reflect) with the lesson that reflects each, then the
/// tree as a nested list kept shallow (a why with a single answer is one line; each level indents two spaces),
/// then the tree as Mermaid graphs, one per branch.
/// </summary>
internal static class FiveWhysExport
{
    private const string Arrow = " → ";

    public static void Write(MarkdownWriter writer)
    {
        var tree = writer.Tree;
        if (tree.Whys.Count == 0)
        {
            writer.Body(null);
            return;
        }

        RootCauses(writer, tree);
        writer.Paragraph("### The whys");
        foreach (var root in tree.Roots)
        {
            Why(writer, root, 0);
        }

        writer.Line();
        writer.Paragraph("### As a graph");
        MermaidWhys.Write(writer, tree);
    }

    private static void RootCauses(MarkdownWriter writer, WhyTree tree)
    {
        var rootCauses = tree.RootCauses.ToList();
        writer.Paragraph(rootCauses.Count == 1 ? "### Root cause" : "### Root causes");
        if (rootCauses.Count == 0)
        {
            writer.Paragraph("_No answer is marked as a root cause yet._");
            return;
        }

        var lessons = writer.Postmortem.Lessons.Where(l => !l.Retracted).ToList();
        foreach (var rootCause in rootCauses)
        {
            var reflecting = lessons.Where(l => l.RootCauseAnswerIds.Contains(rootCause.Id)).Select(l => l.Label).ToList();
            var where = reflecting.Count switch
            {
                0 => "not reflected in a lesson yet",
                1 => $"reflected in lesson {reflecting[0]}",
                _ => $"reflected in lessons {string.Join(", ", reflecting)}",
            };
            writer.Line($"- **{rootCause.Label}:** {MarkdownText.Inline(writer.Scrub(rootCause.Text))} _({where})_");
        }

        writer.Line();
    }

    private static void Why(MarkdownWriter writer, WhyNode node, int level)
    {
        var indent = new string(' ', level * 2);
        var question = MarkdownText.ListItem(writer.Scrub(node.Why.Question), indent.Length + 2);
        var whyLabel = $"{indent}- **Why {node.Why.Path}:** ";
        if (node.Answers.Count == 0)
        {
            writer.Line(IsOneLine(question) ? whyLabel + question + Arrow + "_no answer yet_" : $"{whyLabel}_(no answer yet)_ {question}");
            return;
        }

        if (node.Answers is [var only] && IsOneLine(question) && IsOneLine(only.Answer.Text))
        {
            // The common case, a chain of single answers, reads as one line per why.
            writer.Line(whyLabel + question + Arrow + AnswerLabel(only.Answer) + " " + MarkdownText.Inline(writer.Scrub(only.Answer.Text)));
            FollowUps(writer, only, level + 1);
            return;
        }

        writer.Line(whyLabel + question);
        foreach (var answerNode in node.Answers)
        {
            var answerIndent = indent + "  ";
            var text = MarkdownText.ListItem(writer.Scrub(answerNode.Answer.Text), answerIndent.Length + 2);
            writer.Line($"{answerIndent}- {AnswerLabel(answerNode.Answer)} {text}");
            FollowUps(writer, answerNode, level + 2);
        }
    }

    private static void FollowUps(MarkdownWriter writer, WhyAnswerNode answer, int level)
    {
        foreach (var followUp in answer.FollowUps)
        {
            Why(writer, followUp, level);
        }
    }

    private static string AnswerLabel(WhyAnswer answer) =>
        answer.IsRootCause ? $"**{answer.Label} (root cause):**" : $"**{answer.Label}:**";

    private static bool IsOneLine(string text) => !text.Contains('\n', StringComparison.Ordinal);
}
