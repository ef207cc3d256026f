using Postmortem.Core.Actions;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Linting;
using Postmortem.Core.Metrics;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Linting;

public sealed class LinterTests
{
    private static readonly PostmortemTemplate _template = BuiltInTemplates.RustCompiler2021;

    private static IReadOnlyList<LintFinding> Lint(Core.Postmortem pm, LintOptions? options = null) => Linter.Lint(pm, _template, options);

    [Fact]
    public void Rust152_FlagsExactlyCorrectiveAction5bWithoutActionItem()
    {
        var findings = Lint(Rust152.Build().Postmortem);

        var finding = Assert.Single(findings);
        Assert.Equal(LintCodes.CorrectiveActionWithoutActionItem, finding.Code);
        Assert.Equal("5b", finding.Target);
        Assert.Equal("lessons", finding.SectionKey);
        Assert.Equal("Corrective action 5b has no action item.", finding.Message);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void EmptyDraft_FlagsEverySectionInTemplateOrder()
    {
        var findings = Lint(Draft());

        Assert.Equal(
            [
                (LintCodes.SectionEmpty, "summary", null),
                (LintCodes.MetricsMissing, "metrics", null),
                (LintCodes.SectionEmpty, "user-impact", null),
                (LintCodes.QuestionUnanswered, "incident-response", "incident-response.detection"),
                (LintCodes.QuestionUnanswered, "incident-response", "incident-response.detection-halved"),
                (LintCodes.QuestionUnanswered, "incident-response", "incident-response.mitigation-knowledge"),
                (LintCodes.QuestionUnanswered, "incident-response", "incident-response.mitigation-halved"),
                (LintCodes.TimelineNoEventStart, "timeline", null),
                (LintCodes.TimelineNoEventEnd, "timeline", null),
                (LintCodes.SectionEmpty, "leadup", null),
                (LintCodes.WhysEmpty, "five-whys", null),
                (LintCodes.LessonsEmpty, "lessons", (string?)null),
            ],
            findings.Select(f => (f.Code, f.SectionKey, f.Target)));
    }

    [Fact]
    public void SummaryOverThreeParagraphs_IsFlagged()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("summary", "One.\n\nTwo.\n\nThree.\n  \nFour."));

        var finding = Assert.Single(Lint(pm), f => f.SectionKey == "summary");

        Assert.Equal(LintCodes.TooManyParagraphs, finding.Code);
        Assert.Contains("4 paragraphs", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryOfThreeParagraphsWithSingleLineBreaks_IsFine()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("summary", "One\nstill one.\n\nTwo.\n\nThree."));

        Assert.DoesNotContain(Lint(pm), f => f.SectionKey == "summary");
    }

    [Fact]
    public void UserImpactOutsideOneToTwoParagraphs_IsFlagged()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("user-impact", "One.\n\nTwo.\n\nThree."));

        Assert.Equal(LintCodes.TooManyParagraphs, Assert.Single(Lint(pm), f => f.SectionKey == "user-impact").Code);
    }

    [Fact]
    public void MetricsWithoutGraphOrTable_IsFlagged()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new RemoveMetric(pm.Metrics[0].Id));

        Assert.Equal(LintCodes.MetricsMissing, Assert.Single(Lint(pm), f => f.SectionKey == "metrics").Code);
    }

    [Fact]
    public void UnansweredIncidentResponseQuestion_IsFlaggedByKey()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("incident-response.detection", "An alarm."));
        pm.Do(new AnswerSection("incident-response.detection-halved", "Faster alarm."));
        pm.Do(new SkipSection("incident-response.mitigation-halved", "later"));

        var finding = Assert.Single(Lint(pm), f => f.Code == LintCodes.QuestionUnanswered);

        Assert.Equal("incident-response.mitigation-knowledge", finding.Target);
    }

    [Fact]
    public void TimelineWithoutEventStartOrEnd_IsFlagged()
    {
        var pm = Draft();
        pm.Do(new AddTimelineEntry(Now.AddDays(-1), "Noticed", TimelineEntryKind.Detected));

        var codes = Lint(pm).Where(f => f.SectionKey == "timeline").Select(f => f.Code);

        Assert.Equal([LintCodes.TimelineNoEventStart, LintCodes.TimelineNoEventEnd], codes);
    }

    [Fact]
    public void EventEndBeforeTheEventStart_IsFlagged()
    {
        var pm = Draft();
        pm.Do(new AddTimelineEntry(Now.AddDays(-1), "Release", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(Now.AddDays(-2), "Back to normal (typed in the wrong zone)", TimelineEntryKind.EventEnd));

        var finding = Assert.Single(Lint(pm), f => f.Code == LintCodes.TimelineEndBeforeStart);

        Assert.Equal(("timeline", "#2"), (finding.SectionKey, finding.Target));
        Assert.Equal("The event end (#2) is before the event start (#1).", finding.Message);
    }

    [Fact]
    public void TwoEventEnds_AreFlagged_AndSoAreTwoStarts()
    {
        var pm = Draft();
        pm.Do(new AddTimelineEntry(Now.AddDays(-3), "Release", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(Now.AddDays(-2), "Mitigated for most", TimelineEntryKind.EventEnd));
        pm.Do(new AddTimelineEntry(Now.AddDays(-1), "Back to normal", TimelineEntryKind.EventEnd));

        var ends = Assert.Single(Lint(pm), f => f.Code == LintCodes.TimelineSeveralEventEnds);
        Assert.Equal("The timeline has 2 event ends (#2, #3).", ends.Message);
        Assert.DoesNotContain(Lint(pm), f => f.Code is LintCodes.TimelineSeveralEventStarts or LintCodes.TimelineEndBeforeStart);

        pm.Do(new AddTimelineEntry(Now.AddDays(-4), "Canary", TimelineEntryKind.EventStart));
        Assert.Equal("#4, #1", Assert.Single(Lint(pm), f => f.Code == LintCodes.TimelineSeveralEventStarts).Target);
    }

    [Fact]
    public void ActionItemHorizon_WarnsWhenADateIsEntered()
    {
        var pm = Draft();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        Assert.Null(ActionItemHorizon.Warning(pm, "1a-i", today.AddDays(90)));
        Assert.Null(ActionItemHorizon.Warning(pm, "1a-i", null));
        Assert.Equal(
            "Action item 1a-i is due 2021-08-09, more than 90 days after the postmortem started (by 2021-08-08). "
                + "Action items are short term, ideally much sooner: pick an earlier date or a smaller first step. The linter will flag it.",
            ActionItemHorizon.Warning(pm, "1a-i", today.AddDays(91)));
        Assert.NotNull(ActionItemHorizon.Warning(pm, "1a-i", today.AddDays(21), new LintOptions { MaxActionItemHorizon = TimeSpan.FromDays(20) }));
    }

    [Fact]
    public void UnansweredWhyAndMissingRootCause_AreFlagged()
    {
        var pm = Draft();
        var why = pm.Do(new AskWhy(null, "Why did it break?"));
        var answer = pm.Do(new AnswerWhy(why, "The check was an assertion."));
        pm.Do(new AskWhy(answer, "Why an assertion?"));

        var findings = Lint(pm).Where(f => f.SectionKey == "five-whys").ToList();

        Assert.Equal([(LintCodes.WhyUnanswered, "1.1"), (LintCodes.NoRootCause, (string?)null)], findings.Select(f => (f.Code, f.Target)));
    }

    [Fact]
    public void RootCauseNotReflectedInAnyLesson_IsFlagged()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new MarkRootCause(fixture.AnswerIds["1.2a"]));

        var finding = Assert.Single(Lint(fixture.Postmortem), f => f.Code == LintCodes.RootCauseWithoutLesson);

        Assert.Equal("1.2a", finding.Target);
    }

    [Fact]
    public void LessonWithoutCorrectiveAction_IsFlagged()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AddLesson("Another lesson.", []));

        var finding = Assert.Single(Lint(pm), f => f.Code == LintCodes.LessonWithoutCorrectiveAction);

        Assert.Equal("7", finding.Target);
    }

    [Fact]
    public void ActionItemWithoutOwnerOrDueDate_IsFlagged()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new AddActionItem(fixture.ActionIds["5b"], "Write the rustup RFC.", null, null));

        var findings = Lint(fixture.Postmortem).Where(f => f.Target == "5b-i").Select(f => f.Code);

        Assert.Equal([LintCodes.ActionItemWithoutOwner, LintCodes.ActionItemWithoutDueDate], findings);
        Assert.DoesNotContain(Lint(fixture.Postmortem), f => f.Code == LintCodes.CorrectiveActionWithoutActionItem);
    }

    [Fact]
    public void ActionItemDueAfterTheHorizon_IsFlagged()
    {
        var fixture = Rust152.Build();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        fixture.Postmortem.Do(new AddActionItem(fixture.ActionIds["5b"], "Ship PSAs.", Wesley, today.AddDays(91)));
        fixture.Postmortem.Do(new AddActionItem(fixture.ActionIds["5b"], "Draft PSAs.", Wesley, today.AddDays(90)));

        var finding = Assert.Single(Lint(fixture.Postmortem), f => f.Code == LintCodes.ActionItemDueTooLate);

        Assert.Equal("5b-i", finding.Target);
    }

    [Fact]
    public void ActionItemHorizon_IsConfigurable()
    {
        var fixture = Rust152.Build();

        var findings = Lint(fixture.Postmortem, new LintOptions { MaxActionItemHorizon = TimeSpan.FromDays(20) });

        Assert.Equal(["1a-ii", "1b-i", "3a-i", "3b-i", "3b-ii", "5a-i"], findings.Where(f => f.Code == LintCodes.ActionItemDueTooLate).Select(f => f.Target));
    }

    [Fact]
    public void ClosedActionItems_AreNotCheckedForOwnerOrDueDate()
    {
        var fixture = Rust152.Build();
        var item = fixture.Postmortem.Do(new AddActionItem(fixture.ActionIds["5b"], "Ship PSAs.", null, null));
        fixture.Postmortem.Do(new DropActionItem(item, "Superseded by the blog playbook."));

        Assert.Empty(Lint(fixture.Postmortem));
    }

    [Fact]
    public void BlameLanguage_IsFlaggedWhereItAppears()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new EditWhyAnswer(fixture.AnswerIds["2.1a"], "Sam forgot the manual steps again."));

        var finding = Assert.Single(Lint(fixture.Postmortem), f => f.Code == LintCodes.BlameLanguage);

        Assert.Equal(("five-whys", "2.1a"), (finding.SectionKey, finding.Target));
        Assert.Contains("\"Sam forgot\"", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Lint(fixture.Postmortem, new LintOptions { CheckBlamelessLanguage = false }), f => f.Code == LintCodes.BlameLanguage);
    }

    [Fact]
    public void SkippedSection_IsReportedAsInfoOnly()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new SkipSection("leadup", "waiting for the release team"));

        var finding = Assert.Single(Lint(pm), f => f.SectionKey == "leadup");

        Assert.Equal((LintCodes.SectionSkipped, LintSeverity.Info), (finding.Code, finding.Severity));
    }

    [Fact]
    public void UnmergedEdit_IsFlaggedOnItsSection()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Apply(new AnswerSection("leadup", "A competing leadup.", BaseRevision: 0), Ana, Now);

        var finding = Assert.Single(Lint(pm), f => f.Code == LintCodes.UnmergedEdit);

        Assert.Equal(("leadup", "section:leadup"), (finding.SectionKey, finding.Target));
    }
}
