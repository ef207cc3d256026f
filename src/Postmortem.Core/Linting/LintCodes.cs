namespace Postmortem.Core.Linting;

/// <summary>Stable finding codes; front ends and exports may rely on them.</summary>
public static class LintCodes
{
    public const string SectionEmpty = "section-empty";
    public const string SectionSkipped = "section-skipped";
    public const string TooManyParagraphs = "too-many-paragraphs";
    public const string TooFewParagraphs = "too-few-paragraphs";
    public const string MetricsMissing = "metrics-missing";
    public const string QuestionUnanswered = "question-unanswered";
    public const string TimelineNoEventStart = "timeline-no-event-start";
    public const string TimelineNoEventEnd = "timeline-no-event-end";
    public const string TimelineSeveralEventStarts = "timeline-several-event-starts";
    public const string TimelineSeveralEventEnds = "timeline-several-event-ends";
    public const string TimelineEndBeforeStart = "timeline-end-before-start";
    public const string WhysEmpty = "whys-empty";
    public const string WhyUnanswered = "why-unanswered";
    public const string NoRootCause = "no-root-cause";
    public const string RootCauseWithoutLesson = "root-cause-without-lesson";
    public const string LessonsEmpty = "lessons-empty";
    public const string LessonWithoutCorrectiveAction = "lesson-without-corrective-action";
    public const string CorrectiveActionWithoutActionItem = "corrective-action-without-action-item";
    public const string ActionItemWithoutOwner = "action-item-without-owner";
    public const string ActionItemWithoutDueDate = "action-item-without-due-date";
    public const string ActionItemDueTooLate = "action-item-due-too-late";
    public const string BlameLanguage = "blame-language";
    public const string UnmergedEdit = "unmerged-edit";
}
