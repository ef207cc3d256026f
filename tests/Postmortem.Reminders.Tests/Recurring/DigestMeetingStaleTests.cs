using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Core.Sections;
using Postmortem.Reminders.Digest;
using Postmortem.Reminders.Meetings;
using Postmortem.Reminders.Stale;
using Postmortem.Reminders.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Reminders.Tests.Support.People;

namespace Postmortem.Reminders.Tests.Recurring;

public sealed class DigestMeetingStaleTests : IDisposable
{
    private const string ReminderChannel = "940000000000000001";
    private static DateTimeOffset Start { get; } = new(2026, 5, 4, 6, 0, 0, TimeSpan.Zero);
    private static DateOnly Due { get; } = new(2026, 5, 20);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public void Dispose() => _database.Dispose();

    private static DateTimeOffset At9(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    [Fact]
    public async Task TheWeeklyDigest_ListsOverdueAndDueSoonItems_InTheReminderChannel_OncePerSlot()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        await world.ConfigureGuildAsync(GuildId, reminderChannelId: ReminderChannel);
        await world.CreateItemAsync(Wesley, Due, text: "Survey response playbooks");
        await world.CreateItemAsync(Ana, Due.AddDays(9), text: "Add PSAs to rustup");
        await world.CreateItemAsync(Ana, Due.AddDays(40), text: "Far away item");
        var (closed, closedItem) = await world.CreateItemAsync(Wesley, Due, text: "Already done item");
        await world.ExecuteAsync(closed, new CompleteActionItem(closedItem), Wesley);
        await world.CreateItemAsync(Wesley, Due, guildId: OtherGuildId, text: "Other guild item");
        var runner = world.Services.GetRequiredService<WeeklyDigestRunner>();
        var monday = At9(new DateOnly(2026, 5, 25));
        _clock.SetUtcNow(monday);

        Assert.True(await runner.RunAsync(GuildId, monday));
        Assert.False(await runner.RunAsync(GuildId, monday));

        var post = Assert.Single(world.Sender.Posts);
        Assert.Equal(ReminderChannel, post.ChannelId);
        Assert.StartsWith("**Weekly action item digest** (25 May 2026): 1 overdue, 1 due in the next 7 days.", post.Content, StringComparison.Ordinal);
        var overdue = post.Content.IndexOf("__Overdue__", StringComparison.Ordinal);
        var soon = post.Content.IndexOf("__Due soon__", StringComparison.Ordinal);
        Assert.True(overdue >= 0 && soon > overdue);
        Assert.Contains("Survey response playbooks", post.Content[overdue..soon], StringComparison.Ordinal);
        Assert.Contains("5 days overdue", post.Content[overdue..soon], StringComparison.Ordinal);
        Assert.Contains("Add PSAs to rustup", post.Content[soon..], StringComparison.Ordinal);
        Assert.Contains($"https://discord.com/channels/{GuildId}/{ThreadId}", post.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Far away item", post.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Already done item", post.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Other guild item", post.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAReminderChannel_ThereIsNoDigest()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        await world.CreateItemAsync(Wesley, Due);

        Assert.False(await world.Services.GetRequiredService<WeeklyDigestRunner>().RunAsync(GuildId, At9(new DateOnly(2026, 5, 25))));
        Assert.Empty(world.Sender.Posts);
    }

    [Fact]
    public async Task AReviewMeeting_RemindsTheThreadWithTheFindingsAsAgenda_UntilThePostmortemIsFinal()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, _) = await world.CreateItemAsync(Wesley, Due, facilitator: Felix);
        var meetings = world.Services.GetRequiredService<ReviewMeetings>();
        var thursday = new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0));

        var scheduled = await meetings.ScheduleAsync(id, GuildId, Felix, thursday, TimeSpan.FromHours(1));
        Assert.Null(scheduled.Error);
        var meeting = scheduled.Meeting!;

        var firstSlot = new DateTimeOffset(2026, 5, 7, 14, 0, 0, TimeSpan.Zero); // an hour before Thursday 15:00 UTC
        _clock.SetUtcNow(firstSlot);
        Assert.True(await meetings.RunAsync(meeting.Id, firstSlot));
        Assert.False(await meetings.RunAsync(meeting.Id, firstSlot)); // once per slot

        var agenda = Assert.Single(world.Sender.Posts);
        Assert.Equal(ThreadId, agenda.ChannelId);
        Assert.StartsWith("**Review meeting** for \"Incremental compilation fingerprint bug\" on Thursday 7 May at 15:00 (UTC).", agenda.Content, StringComparison.Ordinal);
        Assert.Contains("open finding", agenda.Content, StringComparison.Ordinal);
        Assert.Contains("1. ", agenda.Content, StringComparison.Ordinal);

        await world.ExecuteAsync(id, new Finalize(), Felix);
        var nextSlot = firstSlot.AddDays(7);
        _clock.SetUtcNow(nextSlot);
        Assert.False(await meetings.RunAsync(meeting.Id, nextSlot));
        Assert.Single(world.Sender.Posts);
        Assert.Empty(await world.Services.GetRequiredService<IReviewMeetingStore>().ListActiveAsync(id));
    }

    [Fact]
    public async Task OnlyTheFacilitator_SchedulesReviewMeetings()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, _) = await world.CreateItemAsync(Wesley, Due, facilitator: Felix);

        var result = await world.Services.GetRequiredService<ReviewMeetings>()
            .ScheduleAsync(id, GuildId, Wesley, new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0)), TimeSpan.FromHours(1));

        Assert.Null(result.Meeting);
        Assert.Equal("Only the facilitator can schedule review meetings.", result.Error!.Message);
    }

    [Fact]
    public async Task AStaleDraft_GetsOneNudgeListingWhatIsMissing_AndAnotherOnlyAfterNewActivity()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var started = await world.Service.StartAsync(GuildId, ChannelId, "Quiet draft", Felix);
        var id = started.Postmortem!.Id;
        await world.ExecuteAsync(id, new AttachThread(ThreadId), Felix);
        var finalized = await world.Service.StartAsync(GuildId, ChannelId, "Final one", Felix);
        await world.ExecuteAsync(finalized.Postmortem!.Id, new Finalize(), Felix);
        var sweep = world.Services.GetRequiredService<StaleDraftSweep>();

        _clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(0, await sweep.RunAsync(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await sweep.RunAsync(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await sweep.RunAsync(_clock.GetUtcNow()));

        var nudge = Assert.Single(world.Sender.Posts);
        Assert.Equal(ThreadId, nudge.ChannelId);
        Assert.StartsWith("This postmortem draft has had no activity for 15 days.", nudge.Content, StringComparison.Ordinal);
        Assert.Contains("• **Summary**: not written yet", nudge.Content, StringComparison.Ordinal);

        await world.ExecuteAsync(id, new AnswerSection("summary", "A miscompilation shipped in 1.52.0.", null), Felix);
        _clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await sweep.RunAsync(_clock.GetUtcNow()));
        Assert.DoesNotContain("**Summary**: not written yet", world.Sender.Posts[^1].Content, StringComparison.Ordinal);
    }
}
