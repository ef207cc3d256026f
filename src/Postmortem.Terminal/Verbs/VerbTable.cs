using Postmortem.Terminal.Input;

namespace Postmortem.Terminal.Verbs;

/// <summary>Every command of the terminal language, grouped for help, found by its first one or two words.</summary>
public static class VerbTable
{
    public static IReadOnlyList<(string Title, IReadOnlyList<Verb> Verbs)> Groups { get; } =
    [
        ("Postmortems", [.. SessionVerbs.All, .. DocumentVerbs.All]),
        ("Sections and questions", SectionVerbs.All),
        ("Metrics/Graphs", MetricVerbs.All),
        ("Timeline", TimelineVerbs.All),
        ("Five Whys", WhyVerbs.All),
        ("Lessons, corrective actions, action items", ActionVerbs.All),
        ("References", ReferenceVerbs.All),
        ("Review and export", ReviewVerbs.All),
        ("Session", HelpVerbs.All),
    ];

    private static readonly Dictionary<string, Verb> _byName =
        Groups.SelectMany(g => g.Verbs).Append(HelpVerbs.Exit).Append(ActionVerbs.View with { Name = "lessons" })
            .ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The verb named by the first two words, else by the first word; and how many words it used.</summary>
    public static (Verb? Verb, int Words) Find(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count >= 2 && !tokens[0].Quoted && _byName.TryGetValue($"{tokens[0].Value} {tokens[1].Value}", out var twoWords))
        {
            return (twoWords, 2);
        }

        return tokens.Count >= 1 && !tokens[0].Quoted && _byName.TryGetValue(tokens[0].Value, out var oneWord) ? (oneWord, 1) : (null, 0);
    }

    public static string UnknownMessage(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var first = tokens[0].Value;
        var related = _byName.Keys.Where(k => k.StartsWith(first + " ", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var shown = tokens.Count >= 2 ? $"{first} {tokens[1].Value}" : first;
        return related.Count > 0
            ? $"Unknown command \"{shown}\". Did you mean {string.Join(", ", related)}?"
            : $"Unknown command \"{first}\". Type help to see the commands.";
    }
}
