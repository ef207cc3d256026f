using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Core.Sections;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Contract;

/// <summary><see cref="IReminderSettingsStore"/>, <see cref="IScheduledRunStore"/>, <see cref="IReviewMeetingStore"/>, <see cref="IStaleNudgeStore"/>.</summary>
public abstract partial class StorageContract
{
    private static readonly ReminderSettings _ruleDefaults = ReminderSettings.Default with
    {
        TimeZone = DefaultZone,
        ReminderChannelId = "default-channel",
        StaleAfterDays = 21,
    };

    [Fact]
    public async Task ReminderRules_AreStoredPerGuild_OverTheDefaults_ToTheMinute()
    {
        var rules = ReminderSettings.Default with
        {
            TimeZone = TimeZoneInfo.Utc,
            ReminderChannelId = "not-stored-here",
            LocalTime = new TimeOnly(7, 30, 45),
            DaysBefore = [14, 0, 3],
            OverdueEveryDays = 0,
            StaleAfterDays = 5,
            DigestDay = DayOfWeek.Friday,
            DigestTime = new TimeOnly(16, 5),
        };

        await Ports.ReminderSettings.SaveRulesAsync("guild-1", rules, Now);

        var expected = _ruleDefaults with
        {
            LocalTime = new TimeOnly(7, 30),
            DaysBefore = [14, 0, 3],
            OverdueEveryDays = 0,
            StaleAfterDays = 5,
            DigestDay = DayOfWeek.Friday,
            DigestTime = new TimeOnly(16, 5),
        };
        var found = (await Ports.ReminderSettings.FindAsync("guild-1", _ruleDefaults))!;
        AssertRules(expected, found);
        Assert.Equal((DefaultZone, "default-channel"), (found.TimeZone, found.ReminderChannelId));
        Assert.Null(await Ports.ReminderSettings.FindAsync("guild-2", _ruleDefaults));
        var all = await Ports.ReminderSettings.LoadAllAsync(_ruleDefaults);
        AssertRules(expected, Assert.Single(all, g => g.Key == "guild-1").Value);
    }

    [Fact]
    public async Task ReminderRules_SavedAgain_ReplaceTheOldOnes_AndInvalidRulesAreRefused()
    {
        await Ports.ReminderSettings.SaveRulesAsync("guild-1", ReminderSettings.Default with { DaysBefore = [3], OverdueEveryDays = 2 }, Now);
        await Ports.ReminderSettings.SaveRulesAsync("guild-2", ReminderSettings.Default with { DaysBefore = [] }, Now);
        await Ports.ReminderSettings.SaveRulesAsync("guild-1", ReminderSettings.Default with { DaysBefore = [1] }, Now.AddDays(1));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Ports.ReminderSettings.SaveRulesAsync("guild-1", ReminderSettings.Default with { OverdueEveryDays = -1 }, Now));

        var all = await (await ReopenAsync()).ReminderSettings.LoadAllAsync(_ruleDefaults);
        Assert.Equal(["guild-1", "guild-2"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([1], all["guild-1"].DaysBefore);
        Assert.Equal(ReminderSettings.Default.OverdueEveryDays, all["guild-1"].OverdueEveryDays);
        Assert.Empty(all["guild-2"].DaysBefore);
    }

    [Fact]
    public async Task ScheduledRuns_AreRecordedOncePerJobAndSlot_ToTheTick()
    {
        Assert.Null(await Ports.ScheduledRuns.LatestSlotAsync("digest:guild-1"));

        Assert.True(await Ports.ScheduledRuns.RecordAsync("digest:guild-1", _slot, Now));
        Assert.False(await Ports.ScheduledRuns.RecordAsync("digest:guild-1", _slot.ToOffset(TimeSpan.FromHours(3)), Now.AddHours(1)));
        Assert.True(await Ports.ScheduledRuns.RecordAsync("digest:guild-1", _slot.AddTicks(1), Now));
        Assert.True(await Ports.ScheduledRuns.RecordAsync("digest:guild-1", _slot.AddDays(-7), Now));
        Assert.True(await Ports.ScheduledRuns.RecordAsync("digest:guild-2", _slot.AddDays(7), Now));

        Assert.True(await Ports.ScheduledRuns.HasRunAsync("digest:guild-1", _slot));
        Assert.False(await Ports.ScheduledRuns.HasRunAsync("digest:guild-1", _slot.AddTicks(2)));
        Assert.False(await Ports.ScheduledRuns.HasRunAsync("digest:guild-3", _slot));
        var latest = await (await ReopenAsync()).ScheduledRuns.LatestSlotAsync("digest:guild-1");
        Assert.Equal(_slot.AddTicks(1), latest);
        Assert.Equal(TimeSpan.Zero, latest!.Value.Offset);
    }

    [Fact]
    public async Task ReviewMeetings_GetIncreasingIds_AndKeepTimesToTheMinute()
    {
        var id = await StartAsync();
        var other = await StartAsync("guild-2");

        var first = await Ports.ReviewMeetings.AddAsync(id, "guild-1", new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0, 30)), TimeSpan.FromSeconds(3630), Felix.Id, Now.ToOffset(TimeSpan.FromHours(2)));
        var second = await Ports.ReviewMeetings.AddAsync(other, "guild-2", new WeeklyTime(DayOfWeek.Monday, new TimeOnly(9, 0)), TimeSpan.Zero, Ana.Id, Now);
        var third = await Ports.ReviewMeetings.AddAsync(id, "guild-1", new WeeklyTime(DayOfWeek.Friday, new TimeOnly(10, 0)), TimeSpan.FromDays(1), Felix.Id, Now);

        var expected = new ReviewMeeting(first.Id, id, "guild-1", new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0)), TimeSpan.FromMinutes(60), Felix.Id, Now);
        Assert.True(first.Id > 0 && second.Id > first.Id && third.Id > second.Id);
        Assert.Equal(expected, first);
        Assert.Equal(TimeSpan.Zero, first.CreatedAt.Offset);
        var reopened = await ReopenAsync();
        Assert.Equal(expected, await reopened.ReviewMeetings.GetAsync(first.Id));
        Assert.Equal([first.Id, second.Id, third.Id], (await reopened.ReviewMeetings.ListActiveAsync()).Select(m => m.Id));
        Assert.Equal([first.Id, third.Id], (await reopened.ReviewMeetings.ListActiveAsync(id)).Select(m => m.Id));
        Assert.Null(await reopened.ReviewMeetings.GetAsync(third.Id + 100));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Ports.ReviewMeetings.AddAsync(id, "guild-1", new WeeklyTime(DayOfWeek.Friday, new TimeOnly(10, 0)), TimeSpan.FromMinutes(-1), Felix.Id, Now));
    }

    [Fact]
    public async Task ReviewMeetings_KeepTheirCalendarEvent_UntilForgotten_EvenAfterTheyEnd()
    {
        var id = await StartAsync();
        var meeting = await Ports.ReviewMeetings.AddAsync(id, "guild-1", new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0)), TimeSpan.FromHours(1), Felix.Id, Now);
        Assert.Null(meeting.ScheduledEventId);

        Assert.True(await Ports.ReviewMeetings.SetScheduledEventAsync(meeting.Id, "1300000000000000001"));
        await Ports.ReviewMeetings.EndAsync(meeting.Id, Now.AddDays(1));
        var reopened = await ReopenAsync();

        Assert.Equal("1300000000000000001", (await reopened.ReviewMeetings.GetAsync(meeting.Id))!.ScheduledEventId);
        Assert.True(await reopened.ReviewMeetings.SetScheduledEventAsync(meeting.Id, null));
        Assert.Null((await reopened.ReviewMeetings.GetAsync(meeting.Id))!.ScheduledEventId);
        Assert.False(await reopened.ReviewMeetings.SetScheduledEventAsync(meeting.Id + 100, "1"));
    }

    [Fact]
    public async Task ReviewMeetings_EndOnce_AndEndedOnesLeaveTheActiveLists()
    {
        var id = await StartAsync();
        var meeting = await Ports.ReviewMeetings.AddAsync(id, "guild-1", new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0)), TimeSpan.FromHours(1), Felix.Id, Now);

        Assert.True(await Ports.ReviewMeetings.EndAsync(meeting.Id, Now.AddDays(1)));
        Assert.False(await Ports.ReviewMeetings.EndAsync(meeting.Id, Now.AddDays(2)));
        Assert.False(await Ports.ReviewMeetings.EndAsync(meeting.Id + 100, Now));

        Assert.Equal(Now.AddDays(1), (await Ports.ReviewMeetings.GetAsync(meeting.Id))!.EndedAt);
        Assert.Empty(await Ports.ReviewMeetings.ListActiveAsync());
        Assert.Empty(await Ports.ReviewMeetings.ListActiveAsync(id));
    }

    [Fact]
    public async Task StaleDrafts_AreDraftsQuietSinceBeforeTheCutoff_NotYetNudgedForThatQuiet()
    {
        var oldest = await StartAsync(title: "Oldest");
        var reviewed = await StartAsync(title: "In review");
        await DoAsync(reviewed, new SubmitForReview());
        var older = await StartAsync(title: "Older", threadId: "t-older");
        var otherGuild = await StartAsync("guild-2", "Other guild");
        Clock.Advance(TimeSpan.FromDays(1));
        await StartAsync(title: "Recent");
        var cutoff = Clock.GetUtcNow();
        var olderAt = (await Ports.Postmortems.GetAsync(older))!.UpdatedAt;

        var stale = await Ports.StaleNudges.ListStaleDraftsAsync(cutoff);

        Assert.Equal([oldest, older, otherGuild], stale.Select(d => d.PostmortemId));
        var olderDraft = stale[1];
        Assert.Equal(new StaleDraft(older, "guild-1", olderAt), olderDraft);
        Assert.Equal((olderAt.UtcTicks, TimeSpan.Zero), (olderDraft.UpdatedAt.UtcTicks, olderDraft.UpdatedAt.Offset));
        Assert.Empty(await Ports.StaleNudges.ListStaleDraftsAsync(stale[0].UpdatedAt));

        Assert.True(await Ports.StaleNudges.RecordStaleNudgeAsync(older, olderDraft.UpdatedAt, cutoff));
        Assert.False(await Ports.StaleNudges.RecordStaleNudgeAsync(older, olderDraft.UpdatedAt, cutoff.AddHours(1)));
        Assert.True(await Ports.StaleNudges.HasStaleNudgeAsync(older, olderDraft.UpdatedAt));
        Assert.False(await Ports.StaleNudges.HasStaleNudgeAsync(older, olderDraft.UpdatedAt.AddTicks(1)));
        Assert.Equal([oldest, otherGuild], (await Ports.StaleNudges.ListStaleDraftsAsync(cutoff)).Select(d => d.PostmortemId));

        // New activity starts a new quiet spell, which earns its own nudge once it is old enough.
        await DoAsync(older, new AnswerSection("summary", "Back at it."));
        Assert.DoesNotContain(older, (await Ports.StaleNudges.ListStaleDraftsAsync(cutoff)).Select(d => d.PostmortemId));
        Assert.Contains(older, (await (await ReopenAsync()).StaleNudges.ListStaleDraftsAsync(Clock.GetUtcNow().AddTicks(1))).Select(d => d.PostmortemId));
    }

    [Fact]
    public async Task StaleDrafts_WithTheSameLastChange_AreOrderedById()
    {
        var ids = new List<PostmortemId>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Ports.Postmortems.CreateAsync(Core.Postmortem.Start("guild-1", "c", $"Same {i}", Felix, Now, "rust-compiler-2021")));
        }

        Assert.Equal(ids, (await Ports.StaleNudges.ListStaleDraftsAsync(Now.AddTicks(1))).Select(d => d.PostmortemId));
        Assert.Empty(await Ports.StaleNudges.ListStaleDraftsAsync(Now));
        Assert.False(await Ports.StaleNudges.HasStaleNudgeAsync(new PostmortemId(999), Now));
    }

    private static void AssertRules(ReminderSettings expected, ReminderSettings actual)
    {
        Assert.Equal(
            (expected.LocalTime, expected.OverdueEveryDays, expected.StaleAfterDays, expected.DigestDay, expected.DigestTime, expected.TimeZone, expected.ReminderChannelId),
            (actual.LocalTime, actual.OverdueEveryDays, actual.StaleAfterDays, actual.DigestDay, actual.DigestTime, actual.TimeZone, actual.ReminderChannelId));
        Assert.Equal(expected.DaysBefore, actual.DaysBefore);
    }
}
