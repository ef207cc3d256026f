using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Postmortem.Core.Text;

namespace Postmortem.Core.Tests.Export;

/// <summary>
/// Checks the Mermaid graphs of an export two ways: a strict reading of the small subset the exporter writes
/// (every line a node, an edge or a class; labels quoted, brackets balanced, no quote or raw HTML inside a label,
/// every edge between defined nodes), and Mermaid's own parser (npm mermaid, test-only, run by node).
/// </summary>
internal static partial class MermaidSyntax
{
    /// <summary>The sources of every ```mermaid block in a Markdown document.</summary>
    public static IReadOnlyList<string> Graphs(string markdown) =>
        [.. MermaidBlock().Matches(markdown).Select(m => m.Groups["body"].Value)];

    /// <summary>What is wrong with one graph, in words; empty when it follows the subset.</summary>
    public static IReadOnlyList<string> Problems(string graph)
    {
        var problems = new List<string>();
        var lines = graph.TrimEnd('\n').Split('\n');
        if (lines[0] is not ("flowchart TD" or "flowchart LR"))
        {
            problems.Add($"first line \"{lines[0]}\" is not a flowchart header");
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            if (Node().Match(line) is { Success: true } node)
            {
                if (!defined.Add(node.Groups["id"].Value))
                {
                    problems.Add($"node {node.Groups["id"].Value} is defined twice");
                }

                var label = node.Groups["label"].Value;
                var withoutBreaks = label.Replace("<br>", "", StringComparison.Ordinal);
                if (withoutBreaks.IndexOfAny(['"', '<', '>', '\n', '\r']) >= 0)
                {
                    problems.Add($"label of {node.Groups["id"].Value} holds a quote, raw HTML or a line break: {label}");
                }

                if (withoutBreaks.Contains("%%", StringComparison.Ordinal))
                {
                    problems.Add($"label of {node.Groups["id"].Value} holds a directive marker %%");
                }

                if (!IsWellFormed(withoutBreaks))
                {
                    problems.Add($"label of {node.Groups["id"].Value} holds a broken surrogate pair");
                }
            }
            else if (Edge().Match(line) is { Success: true } edge)
            {
                used.Add(edge.Groups["from"].Value);
                used.Add(edge.Groups["to"].Value);
            }
            else if (!ClassLine().IsMatch(line))
            {
                problems.Add($"line is not a node, an edge or a class: {line}");
            }
        }

        problems.AddRange(used.Where(id => !defined.Contains(id)).Distinct().Select(id => $"edge to undefined node {id}"));
        return problems;
    }

    /// <summary>Mermaid's own verdict on each graph: null when it parses, else the parser's message.</summary>
    public static IReadOnlyList<string?> Parse(IReadOnlyList<string> graphs)
    {
        var directory = typeof(MermaidSyntax).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "MermaidDirectory").Value!;
        var start = new ProcessStartInfo("node", ["parse.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.StandardInput.Write(JsonSerializer.Serialize(graphs));
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"parse.mjs failed ({process.ExitCode}): {error.Result}");
        }

        using var results = JsonDocument.Parse(output);
        return [.. results.RootElement.EnumerateArray().Select(r => r.GetProperty("ok").GetBoolean() ? null : r.GetProperty("error").GetString())];
    }

    private static bool IsWellFormed(string text) => TextElements.WithoutLoneSurrogates(text) == text;

    [GeneratedRegex(@"```mermaid\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"^    (?<id>[WAS]\d+)(?:\[""(?<label>[^""]*)""\]|\(""(?<label>[^""]*)""\))$")]
    private static partial Regex Node();

    [GeneratedRegex(@"^    (?<from>[WAS]\d+) --> (?<to>[WAS]\d+)$")]
    private static partial Regex Edge();

    [GeneratedRegex(@"^    (?:classDef [a-zA-Z]+ [a-z\-]+:[^ ]+|class [WAS]\d+(?:,[WAS]\d+)* [a-zA-Z]+)$")]
    private static partial Regex ClassLine();
}
