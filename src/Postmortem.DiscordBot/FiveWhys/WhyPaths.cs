using Postmortem.Core.FiveWhys;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// Whys and answers as people name them in commands: by path ("1.2", "Why 1.2") and label ("1.2a"), the numbers the
/// thread and the tree show. Only visible (not retracted) nodes are found or suggested.
/// </summary>
public static class WhyPaths
{
    public static Why? FindWhy(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var path = Normalize(typed);
        return path.Length == 0 ? null : postmortem.Whys.FirstOrDefault(w => w.Path == path && !postmortem.IsHidden(w));
    }

    public static WhyAnswer? FindAnswer(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var label = Normalize(typed);
        return label.Length == 0 ? null : postmortem.WhyAnswers.FirstOrDefault(a => a.Label == label && !postmortem.IsHidden(a));
    }

    /// <summary>"Why 1.2" and "#1.2 " become "1.2"; labels are lower-case ("1.2A" is "1.2a").</summary>
    public static string Normalize(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.StartsWith("why", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].Trim();
        }

        return text.TrimStart('#').Trim().ToLowerInvariant();
    }

    /// <summary>Whys matching what was typed (path prefix or words of the question), unanswered ones first.</summary>
    public static IEnumerable<ApplicationCommandChoice> SuggestWhys(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return WhyTree.Build(postmortem).Whys
            .Where(n => Matches(n.Why.Path, n.Why.Question, typed))
            .OrderBy(n => n.Answers.Count == 0 ? 0 : 1)
            .Select(n => Choice(n.Why.Path, $"Why {n.Why.Path}{(n.Answers.Count == 0 ? " (unanswered)" : "")}", n.Why.Question));
    }

    /// <summary>Answers matching what was typed; with <paramref name="rootCausesFirst"/>, root causes lead.</summary>
    public static IEnumerable<ApplicationCommandChoice> SuggestAnswers(Core.Postmortem postmortem, string? typed, bool rootCausesFirst = false)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return WhyTree.Build(postmortem).Answers
            .Select(n => n.Answer)
            .Where(a => Matches(a.Label, a.Text, typed))
            .OrderBy(a => rootCausesFirst && a.IsRootCause ? 0 : 1)
            .Select(a => Choice(a.Label, a.IsRootCause ? $"{a.Label} 🎯" : a.Label, a.Text));
    }

    /// <summary>Whys and answers together (for edit and retract).</summary>
    public static IEnumerable<ApplicationCommandChoice> SuggestNodes(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var tree = WhyTree.Build(postmortem);
        return tree.Whys
            .SelectMany(n => n.Answers.Select(a => (Number: a.Answer.Label, Shown: a.Answer.Label, Text: a.Answer.Text))
                .Prepend((Number: n.Why.Path, Shown: $"Why {n.Why.Path}", Text: n.Why.Question)))
            .Where(n => Matches(n.Number, n.Text, typed))
            .Select(n => Choice(n.Number, n.Shown, n.Text));
    }

    private static bool Matches(string number, string text, string? typed)
    {
        var wanted = Normalize(typed);
        return wanted.Length == 0
            || number.StartsWith(wanted, StringComparison.Ordinal)
            || text.Contains((typed ?? "").Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static ApplicationCommandChoice Choice(string value, string number, string text) =>
        ApplicationCommandChoice.Create(
            DiscordMarkdown.Truncate($"{number} · {text.ReplaceLineEndings(" ")}", DiscordLimits.ChoiceName), value);
}
