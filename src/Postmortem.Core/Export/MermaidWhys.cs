using System.Globalization;
using System.Text;
using Postmortem.Core.FiveWhys;

namespace Postmortem.Core.Export;

/// <summary>The Five Whys tree as a Mermaid <c>flowchart TD</c>; root causes get a visible class and label.</summary>
internal static class MermaidWhys
{
    public static void Write(StringBuilder builder, WhyTree tree, Func<string, string> scrub)
    {
        builder.Append("```mermaid\nflowchart TD\n");
        var rootCauses = new List<string>();
        foreach (var node in tree.Whys)
        {
            var whyId = $"W{node.Why.Id}";
            builder.Append(CultureInfo.InvariantCulture, $"    {whyId}[\"{MarkdownText.MermaidLabel($"{node.Why.Path}. {scrub(node.Why.Question)}")}\"]\n");
            foreach (var answerNode in node.Answers)
            {
                var answer = answerNode.Answer;
                var answerId = $"A{answer.Id}";
                var prefix = answer.IsRootCause ? "ROOT CAUSE " : "";
                builder.Append(CultureInfo.InvariantCulture, $"    {answerId}(\"{prefix}{MarkdownText.MermaidLabel($"{answer.Label}. {scrub(answer.Text)}")}\")\n");
                builder.Append(CultureInfo.InvariantCulture, $"    {whyId} --> {answerId}\n");
                foreach (var followUp in answerNode.FollowUps)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"    {answerId} --> W{followUp.Why.Id}\n");
                }

                if (answer.IsRootCause)
                {
                    rootCauses.Add(answerId);
                }
            }
        }

        if (rootCauses.Count > 0)
        {
            builder.Append("    classDef rootCause fill:#fde2e2,stroke:#c0392b,stroke-width:2px\n");
            builder.Append(CultureInfo.InvariantCulture, $"    class {string.Join(',', rootCauses)} rootCause\n");
        }

        builder.Append("```\n");
    }
}
