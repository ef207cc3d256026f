using System.Globalization;
using Postmortem.Core.FiveWhys;

namespace Postmortem.Core.Export;

/// <summary>
/// The Five Whys tree as Mermaid flowcharts that stay readable with 40 or more nodes: one graph per top-level why,
/// labels wrapped into short lines, and no graph over <see cref="MaxNodesPerGraph"/> nodes: a branch that would not
/// fit becomes a dashed "continued" node there and gets a graph of its own. Root causes get a visible class.
/// </summary>
internal static class MermaidWhys
{
    public const int MaxNodesPerGraph = 30;

    public static void Write(MarkdownWriter writer, WhyTree tree)
    {
        var sizes = new Dictionary<int, int>();
        foreach (var root in tree.Roots)
        {
            Size(root, sizes);
        }

        var pending = new Queue<(WhyNode Root, string? ContinuedFrom)>(tree.Roots.Select(r => (r, (string?)null)));
        while (pending.TryDequeue(out var next))
        {
            var (root, from) = next;
            writer.Paragraph(from is null
                ? $"_Why {root.Why.Path} and what it led to:_"
                : $"_Why {root.Why.Path}, continued from the graph of why {from}:_");
            var graph = new Graph(root, sizes);
            writer.Line("```mermaid");
            writer.Line("flowchart TD");
            foreach (var line in graph.Lines(writer.Scrub))
            {
                writer.Line("    " + line);
            }

            writer.Line("```");
            writer.Line();
            foreach (var continued in graph.Continued)
            {
                pending.Enqueue((continued, root.Why.Path));
            }
        }
    }

    private static int Size(WhyNode node, Dictionary<int, int> sizes)
    {
        var size = 1 + node.Answers.Count + node.Answers.SelectMany(a => a.FollowUps).Sum(f => Size(f, sizes));
        sizes[node.Why.Id] = size;
        return size;
    }

    /// <summary>One graph: the nodes that fit, chosen in display order, and the branches left for graphs of their own.</summary>
    private sealed class Graph
    {
        private readonly List<(WhyNode Node, bool Stub)> _whys = [];
        private readonly Dictionary<int, int> _sizes;
        private int _used;

        public Graph(WhyNode root, Dictionary<int, int> sizes)
        {
            _sizes = sizes;
            Include(root);
        }

        public List<WhyNode> Continued { get; } = [];

        public IEnumerable<string> Lines(Func<string, string> scrub)
        {
            var rootCauses = new List<string>();
            var stubs = new List<string>();
            foreach (var (node, stub) in _whys)
            {
                var why = node.Why;
                if (stub)
                {
                    stubs.Add(Id("S", why.Id));
                    yield return $"{Id("S", why.Id)}[\"{MarkdownText.MermaidLabel($"Why {why.Path}: {scrub(why.Question)}", 60)}<br>(continued in its own graph)\"]";
                    continue;
                }

                yield return $"{Id("W", why.Id)}[\"Why {why.Path}<br>{MarkdownText.MermaidLabel(scrub(why.Question))}\"]";
                foreach (var answerNode in node.Answers)
                {
                    var answer = answerNode.Answer;
                    var id = Id("A", answer.Id);
                    var title = answer.IsRootCause ? $"{answer.Label} · ROOT CAUSE" : answer.Label;
                    yield return $"{id}(\"{title}<br>{MarkdownText.MermaidLabel(scrub(answer.Text))}\")";
                    yield return $"{Id("W", why.Id)} --> {id}";
                    if (answer.IsRootCause)
                    {
                        rootCauses.Add(id);
                    }

                    foreach (var followUp in answerNode.FollowUps)
                    {
                        var target = Continued.Contains(followUp) ? Id("S", followUp.Why.Id) : Id("W", followUp.Why.Id);
                        yield return $"{id} --> {target}";
                    }
                }
            }

            if (rootCauses.Count > 0)
            {
                yield return "classDef rootCause fill:#fde2e2,stroke:#c0392b,stroke-width:2px";
                yield return $"class {string.Join(',', rootCauses)} rootCause";
            }

            if (stubs.Count > 0)
            {
                yield return "classDef continued fill:#f4f4f4,stroke:#888,stroke-dasharray:5";
                yield return $"class {string.Join(',', stubs)} continued";
            }
        }

        private void Include(WhyNode node)
        {
            _whys.Add((node, false));
            _used += 1 + node.Answers.Count;
            foreach (var followUp in node.Answers.SelectMany(a => a.FollowUps))
            {
                if (_used + _sizes[followUp.Why.Id] <= MaxNodesPerGraph)
                {
                    Include(followUp);
                }
                else
                {
                    _whys.Add((followUp, true));
                    _used++;
                    Continued.Add(followUp);
                }
            }
        }

        private static string Id(string prefix, int id) => prefix + id.ToString(CultureInfo.InvariantCulture);
    }
}
