using System.Globalization;
using Postmortem.Core.Actions;
using Postmortem.Core.Blameless;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Templates;
using Postmortem.Core.Text;
using Postmortem.Core.Timeline;

namespace Postmortem.Core.Linting;

/// <summary>
/// Checks a postmortem against its template's rules: paragraph limits, a graph or table, every incident
/// response question, a timeline with the event's start and end, a Five Whys tree that reaches root causes,
/// and lessons -> corrective actions -> owned, dated, short-term action items. Findings come in template order.
/// </summary>
public static class Linter
{
    public static IReadOnlyList<LintFinding> Lint(Postmortem postmortem, PostmortemTemplate template, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        options ??= LintOptions.Default;
        var findings = new List<LintFinding>();
        foreach (var section in template.Sections)
        {
            if (postmortem.FindSection(section.Key) is { Skipped: true } skipped)
            {
                findings.Add(new(LintCodes.SectionSkipped, LintSeverity.Info, section.Key, null,
                    $"{section.Title} was skipped{(skipped.SkipReason is { } reason ? $" ({reason})" : "")}.",
                    "Come back to it before the postmortem is final."));
                continue;
            }

            switch (section.Kind)
            {
                case SectionKind.Text:
                    LintText(postmortem, section, findings);
                    break;
                case SectionKind.Questions:
                    LintQuestions(postmortem, section, findings);
                    break;
                case SectionKind.Metrics:
                    LintMetrics(postmortem, section, findings);
                    break;
                case SectionKind.Timeline:
                    LintTimeline(postmortem, section, findings);
                    break;
                case SectionKind.Whys:
                    LintWhys(postmortem, section, findings);
                    break;
                case SectionKind.Actions:
                    LintActions(postmortem, section, options, findings);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown section kind {section.Kind}.");
            }
        }

        LintUnmerged(postmortem, template, findings);
        if (options.CheckBlamelessLanguage)
        {
            LintLanguage(postmortem, template, options, findings);
        }

        return findings;
    }

    private static void LintText(Postmortem postmortem, TemplateSection section, List<LintFinding> findings)
    {
        var text = postmortem.CurrentText(section.Key);
        if (text is null)
        {
            findings.Add(new(LintCodes.SectionEmpty, LintSeverity.Warning, section.Key, null,
                $"{section.Title} is not written yet.", section.Guidance));
            return;
        }

        var paragraphs = Paragraphs.Count(text);
        if (section.Rules.MaxParagraphs is { } max && paragraphs > max)
        {
            findings.Add(new(LintCodes.TooManyParagraphs, LintSeverity.Warning, section.Key, null,
                $"{section.Title} has {paragraphs} paragraphs; the template asks for at most {max}.",
                "Tighten it: keep what a reader needs first, move detail to the timeline or leadup."));
        }

        if (section.Rules.MinParagraphs is { } min && paragraphs < min)
        {
            findings.Add(new(LintCodes.TooFewParagraphs, LintSeverity.Warning, section.Key, null,
                $"{section.Title} has {paragraphs} paragraph(s); the template asks for at least {min}.",
                section.Guidance));
        }
    }

    private static void LintQuestions(Postmortem postmortem, TemplateSection section, List<LintFinding> findings)
    {
        foreach (var question in section.Questions)
        {
            if (postmortem.FindSection(question.Key) is not ({ HasText: true } or { Skipped: true }))
            {
                findings.Add(new(LintCodes.QuestionUnanswered, LintSeverity.Warning, section.Key, question.Key,
                    $"{section.Title}: \"{question.Prompt}\" is not answered yet.", question.Guidance));
            }
        }
    }

    private static void LintMetrics(Postmortem postmortem, TemplateSection section, List<LintFinding> findings)
    {
        var required = section.Rules.MinItems ?? 1;
        if (postmortem.Metrics.Count < required)
        {
            findings.Add(new(LintCodes.MetricsMissing, LintSeverity.Warning, section.Key, null,
                required == 1
                    ? $"{section.Title} has no graph or table yet."
                    : $"{section.Title} has {postmortem.Metrics.Count} graph(s) or table(s); the template asks for {required}.",
                "Add at least one graph or table illustrating the impact of the event."));
        }
    }

    private static void LintTimeline(Postmortem postmortem, TemplateSection section, List<LintFinding> findings)
    {
        var figures = postmortem.TimelineFigures;
        if (figures.EventStart is null)
        {
            findings.Add(new(LintCodes.TimelineNoEventStart, LintSeverity.Warning, section.Key, null,
                "The timeline has no event start.",
                "Add when the event itself began (e.g. when the faulty change shipped), not only when the team noticed."));
        }

        if (figures.EventEnd is null)
        {
            findings.Add(new(LintCodes.TimelineNoEventEnd, LintSeverity.Warning, section.Key, null,
                "The timeline has no event end.",
                "Add when the event was over for users, not only when the team stopped working on it."));
        }

        var starts = postmortem.TimelineInOrder.Where(e => e.Kind == TimelineEntryKind.EventStart).ToList();
        var ends = postmortem.TimelineInOrder.Where(e => e.Kind == TimelineEntryKind.EventEnd).ToList();
        if (starts.Count > 1)
        {
            findings.Add(new(LintCodes.TimelineSeveralEventStarts, LintSeverity.Warning, section.Key, Entries(starts),
                $"The timeline has {starts.Count} event starts ({Entries(starts)}).",
                "Keep one event start, when the event itself began; make the others notes."));
        }

        if (ends.Count > 1)
        {
            findings.Add(new(LintCodes.TimelineSeveralEventEnds, LintSeverity.Warning, section.Key, Entries(ends),
                $"The timeline has {ends.Count} event ends ({Entries(ends)}).",
                "Keep one event end, when the event was over for users; make the others notes or resolved entries."));
        }

        if (starts.Count > 0 && ends.Where(e => e.At < starts[0].At).ToList() is { Count: > 0 } early)
        {
            findings.Add(new(LintCodes.TimelineEndBeforeStart, LintSeverity.Warning, section.Key, Entries(early),
                $"The event end ({Entries(early)}) is before the event start ({Entries([starts[0]])}).",
                "Check both times and the zone they were typed in: the event ends after it starts."));
        }
    }

    private static string Entries(IEnumerable<TimelineEntry> entries) =>
        string.Join(", ", entries.Select(e => "#" + e.Id.ToString(CultureInfo.InvariantCulture)));

    private static void LintWhys(Postmortem postmortem, TemplateSection section, List<LintFinding> findings)
    {
        var tree = WhyTree.Build(postmortem);
        if (tree.Whys.Count == 0)
        {
            findings.Add(new(LintCodes.WhysEmpty, LintSeverity.Warning, section.Key, null,
                "No whys have been asked yet.", "Start with why the problem could happen or reach users."));
            return;
        }

        foreach (var node in tree.UnansweredWhys)
        {
            findings.Add(new(LintCodes.WhyUnanswered, LintSeverity.Warning, section.Key, node.Why.Path,
                $"Why {node.Why.Path} (\"{node.Why.Question}\") has no answer.",
                "Answer it, or retract it if the branch turned out to be irrelevant."));
        }

        if (!tree.RootCauses.Any())
        {
            findings.Add(new(LintCodes.NoRootCause, LintSeverity.Warning, section.Key, null,
                "No answer is marked as a root cause.",
                "Keep asking why until you reach causes worth fixing, then mark them as root causes."));
        }
    }

    private static void LintActions(Postmortem postmortem, TemplateSection section, LintOptions options, List<LintFinding> findings)
    {
        var lessons = postmortem.Lessons.Where(l => !l.Retracted).ToList();
        var actions = postmortem.CorrectiveActions.Where(a => !postmortem.IsHidden(a)).ToList();
        var items = postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)).ToList();

        var reflected = lessons.SelectMany(l => l.RootCauseAnswerIds).ToHashSet();
        foreach (var rootCause in WhyTree.Build(postmortem).RootCauses.Where(r => !reflected.Contains(r.Id)))
        {
            findings.Add(new(LintCodes.RootCauseWithoutLesson, LintSeverity.Warning, section.Key, rootCause.Label,
                $"Root cause {rootCause.Label} (\"{rootCause.Text}\") is not reflected in any lesson.",
                "Add a lesson learned that links to it, or link it from an existing lesson."));
        }

        if (lessons.Count == 0)
        {
            findings.Add(new(LintCodes.LessonsEmpty, LintSeverity.Warning, section.Key, null,
                "No lessons learned yet.", "Root causes are reflected in lessons learned; add the first one."));
        }

        var lessonsWithActions = actions.Select(a => a.LessonId).ToHashSet();
        foreach (var lesson in lessons.Where(l => !lessonsWithActions.Contains(l.Id)))
        {
            findings.Add(new(LintCodes.LessonWithoutCorrectiveAction, LintSeverity.Warning, section.Key, lesson.Label,
                $"Lesson {lesson.Label} has no corrective action.",
                "Each lesson yields at least one long-term corrective action."));
        }

        var actionsWithItems = items.Select(i => i.CorrectiveActionId).ToHashSet();
        foreach (var action in actions.Where(a => !actionsWithItems.Contains(a.Id)))
        {
            findings.Add(new(LintCodes.CorrectiveActionWithoutActionItem, LintSeverity.Warning, section.Key, action.Label,
                $"Corrective action {action.Label} has no action item.",
                "Each corrective action yields at least one short-term action item with an owner and a deadline."));
        }

        var latestDue = ActionItemHorizon.LatestDue(postmortem, options);
        foreach (var item in items.Where(i => i.Status == ActionItemStatus.Open))
        {
            LintActionItem(item, section, latestDue, options, findings);
        }
    }

    private static void LintActionItem(
        ActionItem item,
        TemplateSection section,
        DateOnly latestDue,
        LintOptions options,
        List<LintFinding> findings)
    {
        if (item.Owner is null)
        {
            findings.Add(new(LintCodes.ActionItemWithoutOwner, LintSeverity.Warning, section.Key, item.Label,
                $"Action item {item.Label} has no owner.", "Someone must own each action item."));
        }

        if (item.Due is not { } due)
        {
            findings.Add(new(LintCodes.ActionItemWithoutDueDate, LintSeverity.Warning, section.Key, item.Label,
                $"Action item {item.Label} has no due date.",
                "Action items have deadlines, otherwise they are not short term."));
        }
        else if (due > latestDue)
        {
            var days = ActionItemHorizon.Days(options);
            findings.Add(new(LintCodes.ActionItemDueTooLate, LintSeverity.Warning, section.Key, item.Label,
                $"Action item {item.Label} is due {due:yyyy-MM-dd}, more than {days} days after the postmortem started.",
                $"Pick a date within {days} days, ideally much less, or split the work into a smaller first step."));
        }
    }

    private static void LintUnmerged(Postmortem postmortem, PostmortemTemplate template, List<LintFinding> findings)
    {
        foreach (var edit in postmortem.UnmergedEdits)
        {
            var sectionKey = SectionKeyOf(edit.Target, template);
            findings.Add(new(LintCodes.UnmergedEdit, LintSeverity.Warning, sectionKey, edit.Target,
                $"{edit.Author.DisplayName}'s edit of {edit.Target} arrived after a newer version and is not merged yet.",
                "Merge it into the current text and save, or dismiss it."));
        }
    }

    private static void LintLanguage(Postmortem postmortem, PostmortemTemplate template, LintOptions options, List<LintFinding> findings)
    {
        var names = KnownNames.Of(postmortem, options.KnownNames);
        foreach (var (sectionKey, target, text, place) in NarrativeText.Placed(postmortem, template))
        {
            var matches = BlamelessCheck.Check(text, names, place);
            if (matches.Count == 0)
            {
                continue;
            }

            var quoted = string.Join(", ", matches.Select(m => $"\"{m.Matched}\"").Distinct(StringComparer.Ordinal));
            findings.Add(new(LintCodes.BlameLanguage, LintSeverity.Warning, sectionKey, target,
                $"{target ?? sectionKey} blames people: {quoted}.",
                matches[0].Suggestion));
        }
    }

    private static string SectionKeyOf(string target, PostmortemTemplate template)
    {
        var separator = target.IndexOf(':', StringComparison.Ordinal);
        var (kind, rest) = separator < 0 ? (target, "") : (target[..separator], target[(separator + 1)..]);
        var sectionKind = kind switch
        {
            "timeline" => SectionKind.Timeline,
            "why" or "answer" => SectionKind.Whys,
            "lesson" or "corrective-action" or "action-item" => SectionKind.Actions,
            _ => (SectionKind?)null,
        };
        if (sectionKind is { } found)
        {
            return template.FirstOfKind(found)?.Key ?? kind;
        }

        return template.Sections.FirstOrDefault(s => s.Key == rest || s.Questions.Any(q => q.Key == rest))?.Key ?? rest;
    }
}
