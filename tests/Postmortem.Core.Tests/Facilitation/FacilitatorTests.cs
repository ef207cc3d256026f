using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Export;
using Postmortem.Core.Facilitation;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Linting;
using Postmortem.Core.Metrics;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Core.Tests.Fakes;
using Postmortem.Core.Timeline;
using Postmortem.Testing;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Facilitation;

public sealed class FacilitatorTests
{
    private static readonly PostmortemTemplate _template = BuiltInTemplates.RustCompiler2021;

    private static FacilitatorPrompt Next(Core.Postmortem pm) => Facilitator.NextPrompt(pm, _template);

    [Fact]
    public void NextPrompt_WalksTheSectionsInTemplateOrder()
    {
        var pm = Draft();
        var asked = new List<(PromptKind, string)>();

        void Step(Commands.PostmortemCommand answer)
        {
            var prompt = Next(pm);
            asked.Add((prompt.Kind, prompt.SectionKey));
            pm.Do(answer);
        }

        Step(new AnswerSection("summary", "s"));
        Step(new AddMetricTable("| a | b |\n| - | - |", "c"));
        Step(new AnswerSection("user-impact", "u"));
        Step(new AnswerSection("incident-response.detection", "d"));
        Step(new SkipSection("incident-response.detection-halved"));
        Step(new AnswerSection("incident-response.mitigation-knowledge", "m"));
        Step(new AnswerSection("incident-response.mitigation-halved", "h"));
        Step(new AddTimelineEntry(Now.AddDays(-4), "start", TimelineEntryKind.EventStart));
        Step(new AddTimelineEntry(Now.AddDays(-1), "end", TimelineEntryKind.EventEnd));
        Step(new AnswerSection("leadup", "l"));
        var why = pm.Do(new AskWhy(null, "Why?"));

        Assert.Equal(
            [
                (PromptKind.Answer, "summary"), (PromptKind.Metric, "metrics"), (PromptKind.Answer, "user-impact"),
                (PromptKind.Answer, "incident-response.detection"), (PromptKind.Answer, "incident-response.detection-halved"),
                (PromptKind.Answer, "incident-response.mitigation-knowledge"), (PromptKind.Answer, "incident-response.mitigation-halved"),
                (PromptKind.Timeline, "timeline"), (PromptKind.Timeline, "timeline"), (PromptKind.Answer, "leadup"),
            ],
            asked);
        // An open why is answered, and a root cause found, before lessons are asked for.
        Assert.Equal((PromptKind.AnswerWhy, (int?)why, "Why 1"), (Next(pm).Kind, Next(pm).TargetId, Next(pm).Title));
        var answer = pm.Do(new AnswerWhy(why, "Because."));
        Assert.Equal(PromptKind.RootCause, Next(pm).Kind);
        pm.Do(new MarkRootCause(answer));
        Assert.Equal(PromptKind.Lesson, Next(pm).Kind);
        var lesson = pm.Do(new AddLesson("Lesson.", []));
        Assert.Equal((PromptKind.CorrectiveAction, (int?)lesson), (Next(pm).Kind, Next(pm).TargetId));
        var action = pm.Do(new AddCorrectiveAction(lesson, "Action."));
        Assert.Equal((PromptKind.ActionItem, (int?)action), (Next(pm).Kind, Next(pm).TargetId));
        Assert.Contains("\"Action.\"", Next(pm).Text, StringComparison.Ordinal);
        pm.Do(new AddActionItem(action, "Item.", Wesley, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(7)));
        // The lesson does not reflect the root cause yet, so the work is not done.
        Assert.Equal((PromptKind.Lesson, (int?)answer), (Next(pm).Kind, Next(pm).TargetId));
        pm.Do(new EditLesson(lesson, "Lesson.", [answer]));
        Assert.Equal(PromptKind.Review, Next(pm).Kind);
    }

    [Fact]
    public void NextPrompt_DoesNotMoveOnToReview_WhileRootCausesLackLessons()
    {
        var fixture = Rust152.Build();
        var pm = fixture.Postmortem;
        // Lesson 6 reflects nothing; the other lessons reflect all eight root causes. A ninth has no lesson.
        var why = pm.Do(new AskWhy(fixture.AnswerIds["3.1a"], "Why is there no dashboard?"));
        var unreflected = pm.Do(new AnswerWhy(why, "Nobody owns ICE triage."));
        pm.Do(new MarkRootCause(unreflected));
        pm.Do(new AddActionItem(fixture.ActionIds["5b"], "Draft the rustup announcement design.", Wesley, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(20)));

        var prompt = Next(pm);

        Assert.Equal((PromptKind.Lesson, (int?)unreflected, "Root cause 3.1.1a"), (prompt.Kind, prompt.TargetId, prompt.Title));
        Assert.Contains("\"Nobody owns ICE triage.\"", prompt.Text, StringComparison.Ordinal);
        pm.Do(new EditLesson(fixture.LessonIds["1"], "We need a way to see ICE reports as one signal.", [fixture.AnswerIds["1.1.1.1.1a"], fixture.AnswerIds["3.1a"], unreflected]));
        Assert.Equal(PromptKind.Review, Next(pm).Kind);
    }

    [Fact]
    public void NextPrompt_FollowsTheStatus()
    {
        var fixture = Rust152.Build();
        var pm = fixture.Postmortem;
        pm.Do(new AddActionItem(fixture.ActionIds["5b"], "Draft the rustup announcement design.", Wesley, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(20)));
        Assert.Equal(PromptKind.Review, Next(pm).Kind);
        Assert.Contains("submit it for review", Next(pm).Text, StringComparison.Ordinal);

        pm.Do(new Core.Postmortems.SubmitForReview());
        Assert.Equal(PromptKind.Finalize, Next(pm).Kind);
        Assert.DoesNotContain("submit", Next(pm).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("facilitator finalizes", Next(pm).Text, StringComparison.Ordinal);

        pm.Do(new Core.Postmortems.Finalize());
        var final = Next(pm);
        Assert.Equal(PromptKind.Final, final.Kind);
        Assert.DoesNotContain("submit", final.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("read-only", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NextPrompt_WhenFinal_AsksNothingMoreOfTheDocument()
    {
        var pm = Draft();
        pm.Do(new Core.Postmortems.Finalize());

        Assert.Equal(PromptKind.Final, Next(pm).Kind);
    }

    [Fact]
    public void NextPrompt_TimelineSaysWhatIsMissing()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("summary", "s"));
        pm.Do(new AddMetricTable("| a | b |\n| - | - |", "c"));
        pm.Do(new AnswerSection("user-impact", "u"));
        pm.Do(new SkipSection("incident-response"));
        pm.Do(new AddTimelineEntry(Now.AddDays(-4), "start", TimelineEntryKind.EventStart));

        var prompt = Next(pm);

        Assert.Equal(PromptKind.Timeline, prompt.Kind);
        Assert.EndsWith("Still missing: when it ended.", prompt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NextPrompt_HalvingQuestionQuotesTheFigure()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("summary", "s"));
        pm.Do(new SkipSection("metrics"));
        pm.Do(new AnswerSection("user-impact", "u"));
        pm.Do(new AnswerSection("incident-response.detection", "d"));
        pm.Do(new AddTimelineEntry(Rust152.Released, "start", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(Rust152.Released.AddMinutes(90), "noticed", TimelineEntryKind.Detected));

        Assert.Equal("Detection took 1 hour 30 minutes; what would have cut it to 45 minutes?", Next(pm).Text);
    }

    [Fact]
    public void Progress_ReportsEachSectionsState()
    {
        var fixture = Rust152.Build();
        var pm = fixture.Postmortem;
        pm.Do(new SkipSection("leadup"));
        pm.Do(new AnswerSection("summary", "1.\n\n2.\n\n3.\n\n4."));

        var progress = Facilitator.Progress(pm, _template).ToDictionary(p => p.Key);

        Assert.Equal(SectionState.NeedsWork, progress["summary"].State);
        Assert.Contains("4 paragraphs", Assert.Single(progress["summary"].Missing), StringComparison.Ordinal);
        Assert.Equal(SectionState.Skipped, progress["leadup"].State);
        Assert.Equal(SectionState.Answered, progress["timeline"].State);
        Assert.Equal(SectionState.Answered, progress["five-whys"].State);
        Assert.Equal(SectionState.NeedsWork, progress["lessons"].State);
        Assert.Equal(SectionState.Empty, Facilitator.Progress(Draft(), _template)[0].State);
    }

    [Fact]
    public async Task CustomTemplate_WithExtraFreeTextSection_WorksThroughTheWholeEngine()
    {
        var template = TemplateParser.Parse(
            """
            { "id": "team", "sections": [
              { "key": "summary", "kind": "text", "prompt": "What happened?" },
              { "key": "customer-comms", "title": "Customer communication", "kind": "text", "prompt": "How were customers told?" },
              { "key": "whys", "title": "Whys", "kind": "whys", "prompt": "Why?" } ] }
            """,
            "team.json");
        var service = new PostmortemService(new InMemoryPostmortemRepository(), new FakeTimeProvider(Now), new TemplateCatalog(template));
        var started = await service.StartAsync("guild-1", "channel-1", "Outage", Felix);
        var id = started.Postmortem!.Id;

        await service.ExecuteAsync(id, new AnswerSection("summary", "The API was down."), Felix);
        var next = (await service.ExecuteAsync(id, new SkipSection("whys"), Felix)).Next;
        Assert.Equal(("customer-comms", "How were customers told?"), (next!.SectionKey, next.Text));
        var outcome = await service.ExecuteAsync(id, new AnswerSection("customer-comms", "Status page."), Felix);

        Assert.Equal("team", outcome.Postmortem!.TemplateId);
        Assert.Equal(PromptKind.Review, outcome.Next!.Kind);
        var markdown = MarkdownExporter.Export(outcome.Postmortem, template);
        Assert.Contains("## Customer communication\n\nStatus page.\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Linter.Lint(outcome.Postmortem, template), f => f.Severity == LintSeverity.Warning);
    }
}
