using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;
using Postmortem.Testing;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Contract.Support;

/// <summary>
/// Builds, through the real service, a postmortem that uses every part of the model: revised sections, a
/// kept conflicting edit, a timeline, metrics, a branching whys tree with root causes and a retracted why,
/// lessons, corrective actions and action items in every status.
/// </summary>
public sealed class RichPostmortem(PostmortemService service, FakeTimeProvider clock)
{
    /// <summary>Drives an existing postmortem (e.g. through another repository instance on the same file).</summary>
    public RichPostmortem(PostmortemService service, FakeTimeProvider clock, PostmortemId id)
        : this(service, clock) => Id = id;

    public PostmortemId Id { get; private set; }

    /// <summary>The aggregate as the service returned it after the last command.</summary>
    public Core.Postmortem Latest { get; private set; } = null!;

    public int OpenItemId { get; private set; }

    public int UnownedItemId { get; private set; }

    public int DoneItemId { get; private set; }

    public int DroppedItemId { get; private set; }

    public int RootCauseAnswerId { get; private set; }

    public static async Task<RichPostmortem> BuildAsync(PostmortemService service, FakeTimeProvider clock, string guildId = "guild-1")
    {
        var rich = new RichPostmortem(service, clock);
        await rich.BuildAsync(guildId);
        return rich;
    }

    public async Task<int> DoAsync(PostmortemCommand command, UserRef? actor = null)
    {
        clock.Advance(TimeSpan.FromMinutes(1));
        var outcome = await service.ExecuteAsync(Id, command, actor ?? Felix);
        Assert.True(outcome.Result.Changed, $"{command} failed: {outcome.Result.Message}");
        Latest = outcome.Postmortem!;
        return outcome.Result.CreatedId ?? 0;
    }

    private async Task BuildAsync(string guildId)
    {
        var started = await service.StartAsync(guildId, "channel-1", "1.52.0 incremental compilation ICEs", Felix, "high", Now.AddDays(-4));
        Id = started.Postmortem!.Id;
        Latest = started.Postmortem;
        await DoAsync(new AttachThread("thread-" + guildId));

        await DoAsync(new AnswerSection("summary", "Incremental compilation produced ICEs for many users."));
        await DoAsync(new AnswerSection("summary", "Rust 1.52.0 turned on fingerprint checks.\n\nUsers hit ICEs.", BaseRevision: 1), Wesley);
        await DoAsync(new AnswerSection("summary", "Ana's rewrite of the summary.", BaseRevision: 1), Ana);
        await DoAsync(new AnswerSection("user-impact", "Builds failed with an internal compiler error — “ICE” 🚨 — until caches were cleared."));
        await DoAsync(new AnswerSection("incident-response.detection", "A user filed an issue 3 days after the release."), Wesley);
        await DoAsync(new AnswerSection("incident-response.detection-halved", "Beta users running the check."));
        await DoAsync(new AnswerSection("incident-response.mitigation-knowledge", "How to disable incremental compilation."), Ana);
        await DoAsync(new AnswerSection("incident-response.mitigation-halved", "A point release checklist."));
        await DoAsync(new SkipSection("leadup", "Written next week"));

        await DoAsync(new AddTimelineEntry(Now.AddDays(-4), "1.52.0 released", TimelineEntryKind.EventStart));
        await DoAsync(new AddTimelineEntry(Now.AddDays(-3).ToOffset(TimeSpan.FromHours(2)), "First ICE report", TimelineEntryKind.Detected), Wesley);
        await DoAsync(new AddTimelineEntry(Now.AddDays(-2), "Workaround published", TimelineEntryKind.Mitigated));
        await DoAsync(new AddTimelineEntry(Now.AddDays(-1), "1.52.1 released", TimelineEntryKind.EventEnd));
        var note = await DoAsync(new AddTimelineEntry(Now.AddDays(-1), "Blog post drafted"));
        await DoAsync(new RemoveTimelineEntry(note));

        await DoAsync(new AddMetricImage("https://example.com/ice-reports.png", null, "ICE reports per day"));
        await DoAsync(new AddMetricTable("| Day | Reports |\n| --- | ---: |\n| 1 | 3 |\n| 2 | 41 |", "Reports by day"), Ana);

        var why1 = await DoAsync(new AskWhy(null, "Why did users see ICEs?"));
        var answer1 = await DoAsync(new AnswerWhy(why1, "The fingerprint check was turned on."), Wesley);
        var why11 = await DoAsync(new AskWhy(answer1, "Why was it turned on without warning?"));
        var answer11 = await DoAsync(new AnswerWhy(why11, "It was considered an internal assertion."), Ana);
        var why12 = await DoAsync(new AskWhy(answer1, "Why did beta fail as a canary?"));
        var answer12a = await DoAsync(new AnswerWhy(why12, "CI services do not use beta."), Wesley);
        await DoAsync(new AnswerWhy(why12, "Few users report ICEs on beta."));
        var why121 = await DoAsync(new AskWhy(answer12a, "Why do CI services not use beta?"));
        RootCauseAnswerId = await DoAsync(new AnswerWhy(why121, "Nobody asked them to."), Ana);
        await DoAsync(new MarkRootCause(RootCauseAnswerId));
        await DoAsync(new MarkRootCause(answer11));
        var why2 = await DoAsync(new AskWhy(null, "Why was this not caught earlier?"));
        await DoAsync(new RetractWhy(why2));

        var lesson1 = await DoAsync(new AddLesson("Beta coverage matters.", [RootCauseAnswerId]));
        var action1a = await DoAsync(new AddCorrectiveAction(lesson1, "Get CI providers to test beta."));
        OpenItemId = await DoAsync(new AddActionItem(action1a, "Contact two CI providers.", Wesley, new DateOnly(2021, 6, 1)));
        UnownedItemId = await DoAsync(new AddActionItem(action1a, "Write the beta testing guide.", null, null));
        var lesson2 = await DoAsync(new AddLesson("Internal assertions can reach users.", [answer11]), Ana);
        var action2a = await DoAsync(new AddCorrectiveAction(lesson2, "Ship risky checks behind a flag."));
        await DoAsync(new AddCorrectiveAction(lesson2, "Document the check."));
        DoneItemId = await DoAsync(new AddActionItem(action2a, "Add the flag.", Ana, new DateOnly(2021, 7, 1)));
        await DoAsync(new CompleteActionItem(DoneItemId, "https://github.com/rust-lang/rust/pull/1"), Ana);
        DroppedItemId = await DoAsync(new AddActionItem(action2a, "Announce the flag.", Felix, new DateOnly(2021, 6, 15)));
        await DoAsync(new DropActionItem(DroppedItemId, "Covered by the release notes."));
        await DoAsync(new SubmitForReview());
    }
}
