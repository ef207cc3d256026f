using System.Globalization;
using Postmortem.Core.Actions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// <c>/postmortem actions</c>: lessons learned → corrective actions → action items, numbered like the template
/// (5, 5a, 5a-i), with owners, due dates (the guild's calendar) and status; gaps are called out where they are.
/// </summary>
public static class ActionsView
{
    public const string Prefix = "actions";

    public static IReadOnlyList<string> Pages(Core.Postmortem postmortem, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var lessons = postmortem.Lessons.Where(l => !l.Retracted).ToList();
        var actions = postmortem.CorrectiveActions.Where(a => !postmortem.IsHidden(a)).ToLookup(a => a.LessonId);
        var items = postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)).ToLookup(i => i.CorrectiveActionId);
        var itemCount = postmortem.ActionItems.Count(i => !postmortem.IsHidden(i));
        var done = postmortem.ActionItems.Count(i => !postmortem.IsHidden(i) && i.Status == ActionItemStatus.Done);
        var lines = new List<string>
        {
            $"**Lessons and actions of #{postmortem.Id}: {DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}** · "
            + $"{Count(lessons.Count, "lesson")}, {Count(actions.Sum(g => g.Count()), "corrective action")}, "
            + $"{Count(itemCount, "action item")} ({done.ToString(CultureInfo.InvariantCulture)} done)"
            + $" · dates in {zone.Id}",
        };
        if (lessons.Count == 0)
        {
            lines.Add("_No lessons yet._ Add one with `/postmortem lesson add`; it should reflect a root cause of the Five Whys.");
        }

        foreach (var lesson in lessons)
        {
            var rootCauses = lesson.RootCauseAnswerIds.Select(postmortem.FindWhyAnswer).OfType<Core.FiveWhys.WhyAnswer>().Select(a => a.Label).ToList();
            lines.Add($"**{lesson.Label}** {Text(lesson.Text)}{(rootCauses.Count > 0 ? $" _(root causes {string.Join(", ", rootCauses)})_" : "")}");
            var lessonActions = actions[lesson.Id].ToList();
            if (lessonActions.Count == 0)
            {
                lines.Add("  ⚠️ _No corrective action yet: each lesson yields at least one._");
            }

            foreach (var action in lessonActions)
            {
                lines.Add($"  **{action.Label}** {Text(action.Text)}");
                var actionItems = items[action.Id].ToList();
                if (actionItems.Count == 0)
                {
                    lines.Add("    ⚠️ _No action item yet: each corrective action yields at least one, with an owner and a deadline._");
                }

                lines.AddRange(actionItems.Select(i => $"    **{i.Label}** {Text(i.Text)} · {Details(i, today)}"));
            }
        }

        return TextPages.Paginate(lines);
    }

    /// <summary>e.g. "👤 bob · 📅 2026-05-27 · ⬜ open", with "no owner" / "no due date" called out.</summary>
    public static string Details(ActionItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        var owner = item.Owner is { } o ? $"👤 {DiscordMarkdown.Escape(o.DisplayName, singleLine: true)}" : "👤 _no owner_";
        var due = item.Due is { } d
            ? $"📅 {DueDates.Format(d)}{(item.Status == ActionItemStatus.Open && d < today ? " ⏰ overdue" : "")}"
            : "📅 _no due date_";
        var status = item.Status switch
        {
            ActionItemStatus.Done => "✅ done" + (item.Evidence is { } evidence ? $" ({Text(evidence)})" : ""),
            ActionItemStatus.Dropped => $"🚫 dropped: {Text(item.DropReason ?? "")}",
            _ => "⬜ open",
        };
        return $"{owner} · {due} · {status}";
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Text(string text) => DiscordMarkdown.Escape(text, singleLine: true);
}
