using Postmortem.Core.FiveWhys;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;

namespace Postmortem.Core.Facilitation;

/// <summary>
/// Decides what to ask next: first every section's first answer in template order (for the Five Whys that
/// means answering open whys down to a root cause, since lessons reflect root causes), then the deeper work
/// (lessons without corrective actions, corrective actions without action items, root causes no lesson reflects),
/// and finally the next status step: submit a draft for review, finalize a reviewed one. A final postmortem is
/// read-only, so it is only ever asked to follow up on its action items.
/// </summary>
public static class Facilitator
{
    public static FacilitatorPrompt NextPrompt(Postmortem postmortem, PostmortemTemplate template)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        if (postmortem.Status == PostmortemStatus.Final)
        {
            return new FacilitatorPrompt(
                PromptKind.Final,
                "",
                "Final",
                "The postmortem is final and read-only. Follow up on its action items: mark them done (with a link as evidence) or drop them with a reason.",
                "The facilitator can reopen it if the document needs to change.");
        }

        var tree = new Lazy<WhyTree>(() => WhyTree.Build(postmortem));
        foreach (var section in template.Sections)
        {
            if (FirstPass(postmortem, section, tree) is { } prompt)
            {
                return prompt;
            }
        }

        foreach (var section in template.Sections)
        {
            if (SecondPass(postmortem, section, tree) is { } prompt)
            {
                return prompt;
            }
        }

        return postmortem.Status == PostmortemStatus.InReview
            ? new FacilitatorPrompt(
                PromptKind.Finalize,
                "",
                "In review",
                "The postmortem is in review. Read it together and settle the open findings; then the facilitator finalizes it.",
                "Whatever is still open when it is finalized stays in the document as a known gap.")
            : new FacilitatorPrompt(
                PromptKind.Review,
                "",
                "Review",
                "Every section has a first answer. Read the document together, look at the open findings, then submit it for review.",
                "Discussion of a first draft often opens new branches in the Five Whys.");
    }

    /// <summary>
    /// Per-section state in template order: Empty (nothing yet), Skipped, NeedsWork (started, but the linter
    /// still has findings for it, listed as Missing) or Answered.
    /// </summary>
    public static IReadOnlyList<SectionProgress> Progress(Postmortem postmortem, PostmortemTemplate template, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        var findings = Linter.Lint(postmortem, template, options).ToLookup(f => f.SectionKey, StringComparer.Ordinal);
        var tree = WhyTree.Build(postmortem);
        return
        [
            .. template.Sections.Select(section =>
            {
                var missing = findings[section.Key].Where(f => f.Code != LintCodes.SectionSkipped).Select(f => f.Message).ToList();
                var state = postmortem.FindSection(section.Key) is { Skipped: true } ? SectionState.Skipped
                    : !HasStarted(postmortem, section, tree) ? SectionState.Empty
                    : missing.Count > 0 ? SectionState.NeedsWork
                    : SectionState.Answered;
                return new SectionProgress(section.Key, section.Title, state, missing);
            }),
        ];
    }

    private static bool HasStarted(Postmortem postmortem, TemplateSection section, WhyTree tree) => section.Kind switch
    {
        SectionKind.Text => postmortem.FindSection(section.Key) is { HasText: true },
        SectionKind.Questions => section.Questions.Any(q => postmortem.FindSection(q.Key) is { HasText: true }),
        SectionKind.Metrics => postmortem.Metrics.Count > 0,
        SectionKind.Timeline => postmortem.Timeline.Count > 0,
        SectionKind.Whys => tree.Whys.Count > 0,
        SectionKind.Actions => postmortem.Lessons.Any(l => !l.Retracted),
        _ => false,
    };

    /// <summary>The text to ask for a question: halving questions quote the real figure once the timeline has it.</summary>
    public static string QuestionText(TemplateQuestion question, TimelineFigures figures)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(figures);
        if (question is not { Figure: { } figure, PromptWithFigure: { } withFigure } || Figure(figures, figure) is not { } duration)
        {
            return question.Prompt;
        }

        return withFigure
            .Replace("{duration}", DurationFormatter.Format(duration), StringComparison.Ordinal)
            .Replace("{half}", DurationFormatter.Format(duration / 2), StringComparison.Ordinal);
    }

    public static TimeSpan? Figure(TimelineFigures figures, TimelineFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figure switch
        {
            TimelineFigure.TimeToDetect => figures.TimeToDetect,
            TimelineFigure.TimeToMitigate => figures.TimeToMitigate,
            TimelineFigure.EventDuration => figures.EventDuration,
            _ => null,
        };
    }

    private static FacilitatorPrompt? FirstPass(Postmortem postmortem, TemplateSection section, Lazy<WhyTree> tree)
    {
        if (postmortem.FindSection(section.Key) is { Skipped: true })
        {
            return null;
        }

        switch (section.Kind)
        {
            case SectionKind.Text when postmortem.FindSection(section.Key) is not { HasText: true }:
                return Prompt(PromptKind.Answer, section);
            case SectionKind.Questions:
                var figures = postmortem.TimelineFigures;
                foreach (var question in section.Questions)
                {
                    if (postmortem.FindSection(question.Key) is not ({ HasText: true } or { Skipped: true }))
                    {
                        return new FacilitatorPrompt(
                            PromptKind.Answer, question.Key, question.Title, QuestionText(question, figures), question.Guidance);
                    }
                }

                return null;
            case SectionKind.Metrics when postmortem.Metrics.Count == 0:
                return Prompt(PromptKind.Metric, section);
            case SectionKind.Timeline:
                var known = postmortem.TimelineFigures;
                return known.EventStart is null || known.EventEnd is null ? TimelinePrompt(section, known) : null;
            case SectionKind.Whys when tree.Value.Whys.Count == 0:
                return Prompt(PromptKind.FirstWhy, section);
            case SectionKind.Whys:
                // Lessons reflect root causes, so the whys are dug to a root cause before lessons are asked for.
                return WhysPrompt(section, tree.Value);
            case SectionKind.Actions when !postmortem.Lessons.Any(l => !l.Retracted):
                return Prompt(PromptKind.Lesson, section);
            default:
                return null;
        }
    }

    private static FacilitatorPrompt? SecondPass(Postmortem postmortem, TemplateSection section, Lazy<WhyTree> tree)
    {
        if (postmortem.FindSection(section.Key) is { Skipped: true })
        {
            return null;
        }

        return section.Kind == SectionKind.Actions
            ? ActionsPrompt(postmortem, section) ?? UnreflectedRootCausePrompt(postmortem, section, tree.Value)
            : null;
    }

    // Root causes are reflected in lessons learned: one lesson is not the end of the work while others are unreflected.
    private static FacilitatorPrompt? UnreflectedRootCausePrompt(Postmortem postmortem, TemplateSection section, WhyTree tree)
    {
        var reflected = postmortem.Lessons.Where(l => !l.Retracted).SelectMany(l => l.RootCauseAnswerIds).ToHashSet();
        if (tree.RootCauses.FirstOrDefault(r => !reflected.Contains(r.Id)) is not { } rootCause)
        {
            return null;
        }

        return new FacilitatorPrompt(
            PromptKind.Lesson,
            section.Key,
            $"Root cause {rootCause.Label}",
            $"No lesson reflects root cause {rootCause.Label} yet: \"{rootCause.Text}\". What did we learn from it?",
            "Add a lesson that links to it, or link it from an existing lesson.",
            rootCause.Id);
    }

    private static FacilitatorPrompt? WhysPrompt(TemplateSection section, WhyTree tree)
    {
        if (tree.UnansweredWhys.FirstOrDefault() is { } unanswered)
        {
            return new FacilitatorPrompt(
                PromptKind.AnswerWhy,
                section.Key,
                $"Why {unanswered.Why.Path}",
                unanswered.Why.Question,
                "Each answer may spark one or more further whys; keep digging until you reach a root cause.",
                unanswered.Why.Id);
        }

        if (!tree.RootCauses.Any())
        {
            return new FacilitatorPrompt(
                PromptKind.RootCause,
                section.Key,
                "Root causes",
                "Which answers are root causes? Mark them, or ask another why where the chain stops too early.",
                "Root causes are what the lessons learned will reflect.");
        }

        return null;
    }

    private static FacilitatorPrompt? ActionsPrompt(Postmortem postmortem, TemplateSection section)
    {
        var withActions = postmortem.CorrectiveActions.Where(a => !postmortem.IsHidden(a)).Select(a => a.LessonId).ToHashSet();
        if (postmortem.Lessons.FirstOrDefault(l => !l.Retracted && !withActions.Contains(l.Id)) is { } lesson)
        {
            return new FacilitatorPrompt(
                PromptKind.CorrectiveAction,
                section.Key,
                $"Lesson {lesson.Label}",
                $"What long-term corrective action follows from lesson {lesson.Label}: \"{lesson.Text}\"?",
                "Each lesson yields at least one corrective action.",
                lesson.Id);
        }

        var withItems = postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)).Select(i => i.CorrectiveActionId).ToHashSet();
        if (postmortem.CorrectiveActions.FirstOrDefault(a => !postmortem.IsHidden(a) && !withItems.Contains(a.Id)) is { } action)
        {
            return new FacilitatorPrompt(
                PromptKind.ActionItem,
                section.Key,
                $"Corrective action {action.Label}",
                $"What short-term action item moves corrective action {action.Label} forward: \"{action.Text}\"? Who owns it, and by when?",
                "Action items need an owner and a deadline within 90 days, ideally much less.",
                action.Id);
        }

        return null;
    }

    private static FacilitatorPrompt TimelinePrompt(TemplateSection section, TimelineFigures figures)
    {
        var missing = new List<string>(2);
        if (figures.EventStart is null)
        {
            missing.Add("when the event started");
        }

        if (figures.EventEnd is null)
        {
            missing.Add("when it ended");
        }

        return new FacilitatorPrompt(
            PromptKind.Timeline,
            section.Key,
            section.Title,
            $"{section.Prompt} Still missing: {string.Join(" and ", missing)}.",
            section.Guidance);
    }

    private static FacilitatorPrompt Prompt(PromptKind kind, TemplateSection section) =>
        new(kind, section.Key, section.Title, section.Prompt, section.Guidance);
}
