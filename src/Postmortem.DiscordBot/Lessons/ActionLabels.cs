using Postmortem.Core.Actions;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// Lessons, corrective actions and action items as people name them: by their numbers ("5", "5a", "5a-i"), which
/// never change once given. Only visible (not removed) ones are found or suggested.
/// </summary>
public static class ActionLabels
{
    public static Lesson? FindLesson(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var label = Normalize(typed, "lesson");
        return postmortem.Lessons.FirstOrDefault(l => !l.Retracted && l.Label == label);
    }

    public static CorrectiveAction? FindCorrectiveAction(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var label = Normalize(typed, "corrective action");
        return postmortem.CorrectiveActions.FirstOrDefault(a => a.Label == label && !postmortem.IsHidden(a));
    }

    public static ActionItem? FindActionItem(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var label = Normalize(typed, "action item");
        return postmortem.ActionItems.FirstOrDefault(i => i.Label == label && !postmortem.IsHidden(i));
    }

    public static IEnumerable<ApplicationCommandChoice> SuggestLessons(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return postmortem.Lessons.Where(l => !l.Retracted && Matches(l.Label, l.Text, typed)).Select(l => Choice(l.Label, l.Text));
    }

    public static IEnumerable<ApplicationCommandChoice> SuggestCorrectiveActions(Core.Postmortem postmortem, string? typed)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var withItems = postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)).Select(i => i.CorrectiveActionId).ToHashSet();
        return postmortem.CorrectiveActions
            .Where(a => !postmortem.IsHidden(a) && Matches(a.Label, a.Text, typed))
            .OrderBy(a => withItems.Contains(a.Id) ? 1 : 0)
            .Select(a => Choice(a.Label, a.Text));
    }

    /// <summary>Action items matching what was typed; with <paramref name="openOnly"/>, only those still open.</summary>
    public static IEnumerable<ApplicationCommandChoice> SuggestActionItems(Core.Postmortem postmortem, string? typed, bool openOnly = false)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return postmortem.ActionItems
            .Where(i => !postmortem.IsHidden(i) && (!openOnly || i.Status == ActionItemStatus.Open) && Matches(i.Label, i.Text, typed))
            .Select(i => Choice(i.Label, i.Text, i.Owner?.DisplayName, i.Due));
    }

    /// <summary>"Lesson 5", "#5a" and " 5A-I" become "5", "5a" and "5a-i".</summary>
    public static string Normalize(string? typed, string noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        var text = (typed ?? "").Trim();
        if (text.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
        {
            text = text[noun.Length..];
        }

        return text.Trim().TrimStart('#').Trim().ToLowerInvariant();
    }

    private static bool Matches(string label, string text, string? typed)
    {
        var wanted = (typed ?? "").Trim();
        return wanted.Length == 0
            || label.StartsWith(wanted.TrimStart('#').ToLowerInvariant(), StringComparison.Ordinal)
            || text.Contains(wanted, StringComparison.OrdinalIgnoreCase);
    }

    private static ApplicationCommandChoice Choice(string label, string text, string? owner = null, DateOnly? due = null)
    {
        var extra = (owner, due) switch
        {
            (null, null) => "",
            ({ } o, null) => $" ({o})",
            (null, { } d) => $" (due {d:yyyy-MM-dd})",
            ({ } o, { } d) => $" ({o}, due {d:yyyy-MM-dd})",
        };
        var suffix = DiscordMarkdown.Truncate(extra, 40);
        var name = DiscordMarkdown.Truncate($"{label} · {text.ReplaceLineEndings(" ")}", DiscordLimits.ChoiceName - suffix.Length) + suffix;
        return ApplicationCommandChoice.Create(name, label);
    }
}
