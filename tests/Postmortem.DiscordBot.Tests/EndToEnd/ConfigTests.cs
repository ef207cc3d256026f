using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Tests.Support;
using Postmortem.Reminders.Settings;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class ConfigTests
{
    [Fact]
    public async Task Config_IsForAdminsOnly()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var config = await bot.SlashAsync(bot.Bob, bot.Incidents, "config", new Dictionary<string, object?> { ["time-zone"] = "Europe/Berlin" });
        var response = await config.ResponseAsync();

        Assert.True(response.IsEphemeral);
        Assert.Contains("Manage Server", response.Content, StringComparison.Ordinal);
        var shown = await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config")).ResponseAsync();
        Assert.Contains("Time zone: UTC", shown.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Config_RejectsAnUnknownTimeZone_AndChangesNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var bad = await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["time-zone"] = "Mars/Olympus_Mons" })).ResponseAsync();
        var shown = await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config")).ResponseAsync();

        Assert.True(bad.IsEphemeral);
        Assert.Contains("not a time zone", bad.Content, StringComparison.Ordinal);
        Assert.Contains("Time zone: UTC", shown.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Config_TimeZone_IsSuggested_Saved_AndUsedForTimes()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var suggest = await bot.Emulator.AutocompleteAsync(bot.Alice, bot.Incidents, "postmortem", "config", "time-zone", "berl");
        var choices = (await suggest.ResponseAsync()).Choices;
        Assert.Contains(choices, c => c["value"]!.GetValue<string>() == "Europe/Berlin");
        var saved = await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["time-zone"] = "Europe/Berlin" })).ResponseAsync();
        Assert.Contains("Time zone: Europe/Berlin", saved.Content, StringComparison.Ordinal);

        var thread = await bot.StartPostmortemAsync(bot.Alice, "Late night outage", new Dictionary<string, object?> { ["incident-start"] = "2026-05-06 02:30" });
        var dashboard = Assert.Single(thread.PinnedMessages);
        Assert.Contains("2026-05-06 02:30 Europe/Berlin", dashboard.EmbedText, StringComparison.Ordinal);
        var badTime = await (await bot.SlashAsync(bot.Alice, bot.Incidents, "start", new Dictionary<string, object?> { ["title"] = "x", ["incident-start"] = "yesterday-ish" })).ResponseAsync();
        Assert.True(badTime.IsEphemeral);
        Assert.Contains("is not a time", badTime.Content, StringComparison.Ordinal);
        Assert.Single(bot.Guild.Threads);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AGuildWithoutSettings_UsesPostmortemDefaultTimeZone_ForTimesAndReminders()
    {
        await using var bot = await BotUnderTest.StartAsync(_ => new Dictionary<string, string?> { ["Postmortem:DefaultTimeZone"] = "Asia/Tokyo" });

        var shown = await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config")).ResponseAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice, "Late night outage", new Dictionary<string, object?> { ["incident-start"] = "2026-05-06 02:30" });
        // The reply is deferred (it may create a calendar event), then edited.
        var meetings = await (await bot.SlashAsync(bot.Alice, thread, "meetings", new Dictionary<string, object?> { ["day"] = 4L, ["time"] = "15:00" })).WaitForOriginalAsync();
        await bot.Emulator.WaitForAsync(() => !meetings.IsLoading, description: "the meetings reply");

        Assert.Contains("Time zone: Asia/Tokyo", shown.Content, StringComparison.Ordinal);
        Assert.Contains("2026-05-06 02:30 Asia/Tokyo", Assert.Single(thread.PinnedMessages).EmbedText, StringComparison.Ordinal);
        var postmortem = await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1));
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 17, 30, 0, TimeSpan.Zero), postmortem!.IncidentStartedAt);
        Assert.Contains("every Thursday at 15:00 (Asia/Tokyo)", meetings.Content, StringComparison.Ordinal);
        Assert.Equal("Asia/Tokyo", bot.Services.GetRequiredService<GuildReminderSettings>().For(bot.Guild.Id.ToString(CultureInfo.InvariantCulture)).TimeZone.Id);

        // Resetting the zone goes back to the configured default, not to UTC.
        await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["time-zone"] = "Europe/Berlin" })).ResponseAsync();
        var reset = await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["reset"] = "time-zone" })).ResponseAsync();
        Assert.Contains("Time zone: Asia/Tokyo", reset.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task StarterRole_LimitsWhoMayStart()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var leads = bot.Guild.CreateRole("incident-leads");
        await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["starter-role"] = leads })).ResponseAsync();

        var refused = await (await bot.SlashAsync(bot.Bob, bot.Incidents, "start", new { title = "Not allowed" })).ResponseAsync();
        bot.Guild.AddMember(bot.Bob, leads);
        var thread = await bot.StartPostmortemAsync(bot.Bob, "Allowed now");

        Assert.True(refused.IsEphemeral);
        Assert.Contains("role", refused.Content, StringComparison.Ordinal);
        Assert.Single(bot.Guild.Threads);
        Assert.Contains("Allowed now", thread.Name, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }
}
