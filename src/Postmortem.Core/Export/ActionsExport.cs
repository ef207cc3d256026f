using Postmortem.Core.Actions;
using Postmortem.Core.FiveWhys;

namespace Postmortem.Core.Export;

/// <summary>
/// Lessons learned, each headed by its own words and followed by the root causes it reflects (with their text),
/// its corrective actions and their action items; then every action item in one table sorted by due date, the
/// view the team follows up with.
/// </summary>
internal static class ActionsExport
{
    public static void Write(MarkdownWriter writer)
    {
        var postmortem = writer.Postmortem;
        var lessons = postmortem.Lessons.Where(l => !l.Retracted).ToList();
        if (lessons.Count == 0)
        {
            writer.Body(null);
            return;
        }

        var actionsByLesson = postmortem.CorrectiveActions.Where(a => !postmortem.IsHidden(a)).ToLookup(a => a.LessonId);
        var itemsByAction = postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)).ToLookup(i => i.CorrectiveActionId);
        foreach (var lesson in lessons)
        {
            Lesson(writer, lesson);
            var actions = actionsByLesson[lesson.Id].ToList();
            if (actions.Count == 0)
            {
                writer.Line("- _No corrective action yet._");
            }

            foreach (var action in actions)
            {
                writer.Line($"- **Corrective action {action.Label}:** {MarkdownText.ListItem(writer.Scrub(action.Text), 2)}");
                var items = itemsByAction[action.Id].ToList();
                if (items.Count == 0)
                {
                    writer.Line("  - _No action item yet._");
                }

                foreach (var item in items)
                {
                    ItemLine(writer, item);
                }
            }

            writer.Line();
        }

        ItemTable(writer, [.. itemsByAction.SelectMany(g => g)]);
    }

    private static void Lesson(MarkdownWriter writer, Lesson lesson)
    {
        var text = writer.Scrub(lesson.Text);
        var heading = Text.TextElements.Truncate(string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), MarkdownExporter.MaxLessonHeadingLength);
        writer.Paragraph($"### Lesson {lesson.Label}: {MarkdownText.Heading(heading)}");
        if (text.Contains('\n', StringComparison.Ordinal) || heading.Length < text.Length)
        {
            writer.Body(lesson.Text);
        }

        var rootCauses = lesson.RootCauseAnswerIds.Select(writer.Postmortem.FindWhyAnswer).OfType<WhyAnswer>()
            .Where(a => !writer.Postmortem.IsHidden(a)).ToList();
        if (rootCauses is [var only])
        {
            writer.Paragraph($"_Reflects root cause {only.Label}:_ {MarkdownText.Inline(writer.Scrub(only.Text))}");
        }
        else if (rootCauses.Count > 1)
        {
            writer.Paragraph("_Reflects root causes:_");
            // "*" starts a list of its own, so it does not merge with the corrective actions' "-" list below.
            foreach (var rootCause in rootCauses)
            {
                writer.Line($"* **{rootCause.Label}:** {MarkdownText.Inline(writer.Scrub(rootCause.Text))}");
            }

            writer.Line();
        }
    }

    private static void ItemLine(MarkdownWriter writer, ActionItem item)
    {
        var text = MarkdownText.ListItem(writer.Scrub(item.Text), 4);
        if (item.Status == ActionItemStatus.Dropped && !text.Contains('\n', StringComparison.Ordinal))
        {
            text = $"~~{text}~~";
        }

        var facts = $"({Owner(writer, item) ?? "no owner"}; {(item.Due is { } date ? "due " + MarkdownWriter.Date(date) : "no due date")}; {Status(writer, item)})";
        // Facts after a multi-line text could land inside the user's code block, so they come first there.
        writer.Line(text.Contains('\n', StringComparison.Ordinal)
            ? $"  - **Action item {item.Label}** {facts}: {text}"
            : $"  - **Action item {item.Label}:** {text} {facts}");
    }

    private static void ItemTable(MarkdownWriter writer, IReadOnlyList<ActionItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.Paragraph("### Action items by due date");
        writer.Line("| Item | What | Owner | Due date | Status |");
        writer.Line("| --- | --- | --- | --- | --- |");
        foreach (var item in items.OrderBy(i => i.Due is null).ThenBy(i => i.Due).ThenBy(i => i.Id))
        {
            var owner = Owner(writer, item, cell: true) ?? "—";
            var due = item.Due is { } date ? MarkdownWriter.Date(date) : "—";
            writer.Line($"| {item.Label} | {MarkdownText.Cell(writer.Scrub(item.Text))} | {owner} | {due} | {Status(writer, item, cell: true)} |");
        }

        writer.Line();
    }

    private static string? Owner(MarkdownWriter writer, ActionItem item, bool cell = false) => item.Owner switch
    {
        null => null,
        { } person when writer.Name(person) is { } name => cell ? MarkdownText.Cell(name) : "owner: " + MarkdownText.Inline(name),
        _ => cell ? "assigned" : "owner assigned",
    };

    private static string Status(MarkdownWriter writer, ActionItem item, bool cell = false)
    {
        string Escape(string text) => cell ? MarkdownText.Cell(writer.Scrub(text)) : MarkdownText.Inline(writer.Scrub(text));
        return item.Status switch
        {
            ActionItemStatus.Done when item.Evidence is { } evidence => $"done ({Escape(evidence)})",
            ActionItemStatus.Done => "done",
            ActionItemStatus.Dropped => $"dropped: {Escape(item.DropReason ?? "")}",
            _ => "open",
        };
    }
}
