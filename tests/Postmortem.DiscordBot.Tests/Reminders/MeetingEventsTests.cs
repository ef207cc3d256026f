using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Reminders;

/// <summary>/postmortem meetings puts the review meetings on the server's calendar as a weekly scheduled event.</summary>
public sealed class MeetingEventsTests
{
    [Fact]
    public async Task Meetings_CreateAWeeklyEvent_WhoseAgendaFollowsTheFindings_AndWhichIsCancelledOnFinalize()
    {
        await using var bot = await BotUnderTest.StartAsync();
        bot.Guild.BotPermissions |= DiscordPermissions.CreateEvents;
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var scheduled = await bot.SlashAsync(bot.Alice, thread, "meetings", new Dictionary<string, object?> { ["day"] = 4, ["time"] = "15:00" });
        var reply = await scheduled.WaitForOriginalAsync();
        await bot.Emulator.WaitForAsync(() => !reply.IsLoading, description: "the meetings reply");

        var calendar = Assert.Single(bot.Guild.ScheduledEvents);
        Assert.Contains($"discord.com/events/{bot.Guild.Id}/{calendar.Id}", reply.Content, StringComparison.Ordinal);
        Assert.Equal((3, $"https://discord.com/channels/{bot.Guild.Id}/{thread.Id}"), (calendar.EntityType, calendar.Location));
        Assert.Equal(calendar.StartsAt.AddHours(1), calendar.EndsAt);
        Assert.Equal(DayOfWeek.Thursday, calendar.StartsAt.DayOfWeek);
        Assert.Equal(2, calendar.RecurrenceRule!["frequency"]!.GetValue<int>());
        Assert.Equal(3, calendar.RecurrenceRule["by_weekday"]![0]!.GetValue<int>());
        Assert.Contains("open findings", calendar.Description, StringComparison.Ordinal);
        Assert.True(calendar.Description!.Length <= 1000);
        var store = bot.Services.GetRequiredService<IReviewMeetingStore>();
        Assert.Equal(calendar.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(await store.ListActiveAsync(new PostmortemId(1))).ScheduledEventId);

        var agendaBefore = calendar.Description;
        await bot.AnswerAsync(bot.Bob, BotUnderTest.Prompts(thread)[0], "A bad index made every query scan the orders table, so checkout timed out for 40 minutes.");
        await bot.Emulator.WaitForAsync(() => calendar.Description != agendaBefore, description: "the agenda to follow the answer");

        var finalize = await bot.SlashAsync(bot.Alice, thread, "finalize");
        await finalize.ResponseAsync();
        var confirm = await bot.Emulator.ClickButtonAsync(bot.Alice, finalize.Original!, BotUnderTest.CustomIdStartingWith(finalize.Original!, "finalize:"));
        await confirm.ResponseAsync();

        await bot.Emulator.WaitForAsync(() => calendar.Status == EmulatedScheduledEvent.Canceled, description: "the event cancelled");
        Assert.Contains(thread.PublicMessages, m => m.Content.Contains("Review meetings every Thursday", StringComparison.Ordinal));
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Meetings_InAVoiceChannel_AreAVoiceEvent_AndCancellingTheMeetingsCancelsIt()
    {
        await using var bot = await BotUnderTest.StartAsync();
        bot.Guild.BotPermissions |= DiscordPermissions.CreateEvents;
        var voice = bot.Guild.CreateVoiceChannel("war-room");
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var scheduled = await bot.SlashAsync(bot.Alice, thread, "meetings", new Dictionary<string, object?> { ["day"] = 1, ["time"] = "09:30", ["channel"] = voice });
        var reply = await scheduled.WaitForOriginalAsync();
        await bot.Emulator.WaitForAsync(() => !reply.IsLoading, description: "the meetings reply");
        var calendar = Assert.Single(bot.Guild.ScheduledEvents);
        Assert.Equal((2, voice.Id, (string?)null), (calendar.EntityType, calendar.ChannelId!.Value, calendar.Location));

        var cancel = await bot.SlashAsync(bot.Alice, thread, "meetings", new Dictionary<string, object?> { ["cancel"] = true });
        var cancelled = await cancel.WaitForOriginalAsync();
        await bot.Emulator.WaitForAsync(() => !cancelled.IsLoading, description: "the cancel reply");

        Assert.Contains("calendar event too", cancelled.Content, StringComparison.Ordinal);
        Assert.Equal(EmulatedScheduledEvent.Canceled, calendar.Status);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Meetings_WithoutTheEventsPermission_AreStillScheduled_AndTheReplySaysWhatIsMissing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var scheduled = await bot.SlashAsync(bot.Alice, thread, "meetings", new Dictionary<string, object?> { ["day"] = 4, ["time"] = "15:00" });
        var reply = await scheduled.WaitForOriginalAsync();
        await bot.Emulator.WaitForAsync(() => !reply.IsLoading, description: "the meetings reply");

        Assert.Contains("Create Events", reply.Content, StringComparison.Ordinal);
        Assert.Empty(bot.Guild.ScheduledEvents);
        Assert.Single(await bot.Services.GetRequiredService<IReviewMeetingStore>().ListActiveAsync());
        bot.AssertNoViolations();
    }
}
