using System.Text.Json;
using Postmortem.Core.Actions;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Postmortems;

public sealed class PostmortemCommandTests
{
    public static TheoryData<PostmortemCommand, string> InvalidCommands => new()
    {
        { new SetTitle(""), ErrorCodes.Invalid },
        { new SetTitle(new string('t', 101)), ErrorCodes.Invalid },
        { new SetTitle("two\nlines"), ErrorCodes.Invalid },
        { new AnswerSection("summary", "   "), ErrorCodes.Invalid },
        { new AnswerSection("summary", new string('x', 4001)), ErrorCodes.Invalid },
        { new AnswerSection("Not A Key!", "text"), ErrorCodes.Invalid },
        { new AnswerSection("summary", "text", BaseRevision: 5), ErrorCodes.Invalid },
        { new UnskipSection("summary"), ErrorCodes.Invalid },
        { new EditTimelineEntry(9, Now, "text", TimelineEntryKind.Note), ErrorCodes.NotFound },
        { new AddTimelineEntry(Now, "text", (TimelineEntryKind)42), ErrorCodes.Invalid },
        { new RemoveTimelineEntry(3), ErrorCodes.NotFound },
        { new AddMetricImage(null, null, "caption"), ErrorCodes.Invalid },
        { new AddMetricImage(" ", "  ", "caption"), ErrorCodes.Invalid },
        { new AddMetricImage("ftp://example.org/a.png", "123", "caption"), ErrorCodes.Invalid },
        { new AddMetricImage("ftp://example.org/a.png", null, "caption"), ErrorCodes.Invalid },
        { new AddMetricTable("just text", "caption"), ErrorCodes.Invalid },
        { new RemoveMetric(1), ErrorCodes.NotFound },
        { new AskWhy(4, "Why?"), ErrorCodes.NotFound },
        { new AskWhy(null, ""), ErrorCodes.Invalid },
        { new EditWhy(2, "Why?"), ErrorCodes.NotFound },
        { new MarkRootCause(1), ErrorCodes.NotFound },
        { new AddLesson("Lesson", [12]), ErrorCodes.NotFound },
        { new AddCorrectiveAction(3, "Action"), ErrorCodes.NotFound },
        { new AddActionItem(3, "Item", null, null), ErrorCodes.NotFound },
        { new CompleteActionItem(1), ErrorCodes.NotFound },
        { new DismissUnmergedEdit(1), ErrorCodes.NotFound },
        { new AttachThread(" "), ErrorCodes.Invalid },
        { new Finalize(), ErrorCodes.FacilitatorOnly },
        { new HandOverFacilitation(Ana), ErrorCodes.FacilitatorOnly },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Apply_InvalidCommand_IsRejectedAndChangesNothing(PostmortemCommand command, string code)
    {
        var pm = Draft();
        var before = Snapshot.Of(pm);

        var result = pm.Apply(command, Wesley, Now.AddHours(1));

        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Equal(before, Snapshot.Of(pm));
    }

    [Fact]
    public void Start_NormalisesInputAndStoresUtc()
    {
        var local = new DateTimeOffset(2021, 5, 10, 11, 0, 0, TimeSpan.FromHours(2));

        var pm = Core.Postmortem.Start("g", "c", "  Title  ", Felix, local, "t", "  ", local.AddDays(-4));

        Assert.Equal(("Title", (string?)null), (pm.Title, pm.Severity));
        Assert.Equal(TimeSpan.Zero, pm.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2021, 5, 6, 9, 0, 0, TimeSpan.Zero), pm.IncidentStartedAt);
        Assert.Equal(PostmortemStatus.Draft, pm.Status);
        Assert.False(pm.Id.IsAssigned);
    }

    [Fact]
    public void Apply_SuccessfulCommand_AddsActorAsParticipantAndTouchesUpdatedAt()
    {
        var pm = Draft();

        pm.Apply(new AskWhy(null, "Why?"), Ana, Now.AddHours(2));
        pm.Apply(new AskWhy(null, "Why again?"), Ana with { DisplayName = "Ana B." }, Now.AddHours(3));

        Assert.Equal([Felix, Ana with { DisplayName = "Ana B." }], pm.Participants);
        Assert.Equal(Now.AddHours(3), pm.UpdatedAt);
    }

    [Fact]
    public void Apply_RejectedCommand_DoesNotAddParticipant()
    {
        var pm = Draft();

        pm.Apply(new AnswerWhy(1, "text"), Ana, Now);

        Assert.Equal([Felix], pm.Participants);
    }

    [Fact]
    public void AnswerWhy_WhenPostmortemIsFinal_IsRejected()
    {
        var pm = Draft();
        var why = pm.Do(new AskWhy(null, "Why?"));
        pm.Do(new Finalize());
        var before = Snapshot.Of(pm);

        var result = pm.Apply(new AnswerWhy(why, "Because."), Wesley, Now);

        Assert.Equal(ErrorCodes.ReadOnly, result.Error!.Code);
        Assert.Equal(before, Snapshot.Of(pm));
    }

    [Fact]
    public void FinalPostmortem_StillAcceptsActionItemFollowUpAndThreadAttachment()
    {
        var pm = Draft();
        var lesson = pm.Do(new AddLesson("Lesson.", []));
        var action = pm.Do(new AddCorrectiveAction(lesson, "Action."));
        var item = pm.Do(new AddActionItem(action, "Item.", Wesley, new DateOnly(2021, 6, 1)));
        pm.Do(new Finalize());

        pm.Do(new CompleteActionItem(item, "https://example.org/pr/1"), Wesley);
        pm.Do(new AttachThread("thread-9"));

        Assert.Equal(ActionItemStatus.Done, pm.FindActionItem(item)!.Status);
        Assert.Equal("thread-9", pm.ThreadId);
        Assert.Equal(ErrorCodes.ReadOnly, pm.Apply(new EditActionItem(item, "Edited.", Wesley, null), Wesley, Now).Error!.Code);
    }

    [Theory]
    [InlineData(typeof(Finalize))]
    [InlineData(typeof(Reopen))]
    public void FacilitatorOnlyCommands_FromSomeoneElse_AreRejected(Type commandType)
    {
        var pm = Draft();
        pm.Do(new SubmitForReview());

        var result = pm.Apply((PostmortemCommand)Activator.CreateInstance(commandType)!, Wesley, Now);

        Assert.Equal(ErrorCodes.FacilitatorOnly, result.Error!.Code);
        Assert.Equal(PostmortemStatus.InReview, pm.Status);
    }

    [Fact]
    public void StatusFlow_DraftToReviewToFinalAndBack()
    {
        var pm = Draft();
        Assert.Equal(ErrorCodes.WrongState, pm.Apply(new Reopen(), Felix, Now).Error!.Code);

        pm.Do(new SubmitForReview(), Wesley);
        Assert.Equal(PostmortemStatus.InReview, pm.Status);
        Assert.Equal(ErrorCodes.WrongState, pm.Apply(new SubmitForReview(), Wesley, Now).Error!.Code);
        pm.Do(new Finalize());
        Assert.Equal((PostmortemStatus.Final, (DateTimeOffset?)Now), (pm.Status, pm.FinalizedAt));
        pm.Do(new Reopen());
        Assert.Equal((PostmortemStatus.Draft, (DateTimeOffset?)null), (pm.Status, pm.FinalizedAt));
    }

    [Fact]
    public void HandOverFacilitation_MovesFacilitatorOnlyPowers()
    {
        var pm = Draft();

        Assert.Equal(ErrorCodes.FacilitatorOnly, pm.Apply(new HandOverFacilitation(Ana), Ana, Now).Error!.Code);
        pm.Do(new HandOverFacilitation(Wesley));

        Assert.True(pm.IsFacilitator(Wesley));
        Assert.Equal(ErrorCodes.FacilitatorOnly, pm.Apply(new Finalize(), Felix, Now).Error!.Code);
        pm.Do(new Finalize(), Wesley);
    }

    [Fact]
    public void SetIncidentStartAndSeverity_AreStoredNormalised()
    {
        var pm = Draft();

        pm.Do(new SetIncidentStart(new DateTimeOffset(2021, 5, 6, 17, 0, 0, TimeSpan.FromHours(2))));
        pm.Do(new SetSeverity(" SEV-2 "));
        pm.Do(new SetTitle("New title"));

        Assert.Equal(new DateTimeOffset(2021, 5, 6, 15, 0, 0, TimeSpan.Zero), pm.IncidentStartedAt);
        Assert.Equal(TimeSpan.Zero, pm.IncidentStartedAt!.Value.Offset);
        Assert.Equal(("SEV-2", "New title"), (pm.Severity, pm.Title));
    }

    [Fact]
    public void EnsureGuild_OnlyAcceptsTheOwningGuild()
    {
        var pm = Draft();

        Assert.Null(pm.EnsureGuild("guild-1"));
        Assert.Equal(ErrorCodes.WrongGuild, pm.EnsureGuild("guild-2")!.Code);
    }

    [Fact]
    public void State_SurvivesAJsonRoundTripFaithfully()
    {
        var fixture = Rust152.Build();
        var pm = fixture.Postmortem;
        pm.Apply(new AnswerSection("summary", "Competing summary.", BaseRevision: 0), Ana, Now);
        pm.Do(new SkipSection("leadup", "later"));
        pm.Do(new AddMetricImage(null, "att-1", "Screenshot"));
        pm.Do(new DropActionItem(fixture.ItemIds["6a-ii"], "Replaced."));
        pm.Do(new RetractWhy(fixture.WhyIds["3.1"]));
        pm.MarkPersisted(new PostmortemId(42), 7);

        var json = JsonSerializer.Serialize(pm.ToState(), PostmortemJsonContext.Default.PostmortemState);
        var reloaded = Core.Postmortem.FromState(JsonSerializer.Deserialize(json, PostmortemJsonContext.Default.PostmortemState)!);

        Assert.Equal(json, Snapshot.Of(reloaded));
        Assert.Equal((new PostmortemId(42), 7L), (reloaded.Id, reloaded.Version));
        Assert.Contains("\"id\":42", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Draft\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"EventStart\"", json, StringComparison.Ordinal);
        Assert.Contains("\"due\":\"2021-05-24\"", json, StringComparison.Ordinal);
        // Ids keep counting after a reload, so nothing is ever renumbered or reused.
        Assert.Equal("4", reloaded.FindWhy(reloaded.Do(new AskWhy(null, "Why 4?")))!.Path);
    }

    [Fact]
    public void FromState_AcceptsOlderSnapshotsWithMissingLists()
    {
        const string json = """{"guildId":"g","channelId":"c","title":"T","facilitator":{"id":"1","displayName":"F"},"templateId":"t","createdAt":"2021-05-10T09:00:00+00:00","updatedAt":"2021-05-10T09:00:00+00:00"}""";

        var pm = Core.Postmortem.FromState(JsonSerializer.Deserialize(json, PostmortemJsonContext.Default.PostmortemState)!);

        Assert.Empty(pm.Whys);
        Assert.Equal(1, pm.Do(new AskWhy(null, "Why?")));
    }

    [Fact]
    public void MarkPersisted_CannotChangeAnAssignedId()
    {
        var pm = Draft();
        pm.MarkPersisted(new PostmortemId(1), 1);

        Assert.Throws<InvalidOperationException>(() => pm.MarkPersisted(new PostmortemId(2), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Draft().MarkPersisted(PostmortemId.None, 1));
    }

    [Fact]
    public void PostmortemId_ParsesOnlyPositiveNumbers()
    {
        Assert.True(PostmortemId.TryParse("42", out var id));
        Assert.Equal(new PostmortemId(42), id);
        Assert.False(PostmortemId.TryParse("-1", out _));
        Assert.False(PostmortemId.TryParse("0", out _));
        Assert.False(PostmortemId.TryParse("pm42", out _));
    }
}
