using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Timeline;

public sealed class TimelineTests
{
    [Fact]
    public async Task Add_LocalTimesInTheGuildZone_AreStoredAsUtcInstants_AndShownSortedInTheZone()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["time-zone"] = "Europe/Berlin" })).ResponseAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var detected = await AddAsync(bot, thread, "2021-05-09 16:00", "detected", "First ICE reports on the issue tracker");
        var start = await AddAsync(bot, thread, "2021-05-06 14:30", "event-start", "1.52.0 released");
        await AddAsync(bot, thread, "2021-05-10T08:00Z", "mitigated", "1.52.1 disables incremental compilation");
        var today = await AddAsync(bot, thread, "14:30", "note", "Postmortem meeting");

        Assert.True(start.IsEphemeral);
        Assert.Contains("2021-05-06 14:30 Europe/Berlin", start.Content, StringComparison.Ordinal);
        Assert.Contains("Time to detect:** 3 days 1 hour 30 minutes", detected.Content + start.Content, StringComparison.Ordinal);
        var stored = (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!;
        Assert.Equal(new DateTimeOffset(2021, 5, 6, 12, 30, 0, TimeSpan.Zero), stored.Timeline.Single(e => e.Kind == TimelineEntryKind.EventStart).At);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime);
        var expectedToday = TimeZoneInfo.ConvertTimeToUtc(localToday.ToDateTime(new TimeOnly(14, 30)), berlin);
        Assert.Equal(expectedToday, stored.Timeline.Single(e => e.Kind == TimelineEntryKind.Note).At.UtcDateTime);
        Assert.Contains("Europe/Berlin", today.Content, StringComparison.Ordinal);

        var show = await (await bot.SlashAsync(bot.Bob, thread, "timeline show")).ResponseAsync();
        Assert.True(show.IsEphemeral);
        var lines = show.Content!.Split('\n');
        Assert.Contains("times in Europe/Berlin", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("`2021-05-06 14:30` 🔴 Event start", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("`2021-05-09 16:00` 🔎 Detected", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("`2021-05-10 10:00` 🩹 Mitigated", lines[3], StringComparison.Ordinal);
        Assert.Contains("**Time to mitigate:** 18 hours", show.Content, StringComparison.Ordinal);
        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("Time to detect: 3 days 1 hour 30 minutes", StringComparison.Ordinal), description: "the dashboard");

        var asked = await bot.SlashAsync(bot.Bob, thread, "timeline show", new { @public = true });
        Assert.False((await asked.ResponseAsync()).IsEphemeral);
        Assert.Contains("1.52.0 released", asked.Original!.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Add_WithABadDate_IsRejectedPrivately_AndNothingChanges()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var before = (await service.GetAsync(new PostmortemId(1)))!.Version;

        var bad = await AddAsync(bot, thread, "last Thursday", "event-start", "1.52.0 released");
        var impossible = await AddAsync(bot, thread, "2021-02-30 10:00", "event-start", "1.52.0 released");

        Assert.True(bad.IsEphemeral);
        Assert.Contains("\"last Thursday\" is not a time", bad.Content, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", impossible.Content, StringComparison.Ordinal);
        var after = (await service.GetAsync(new PostmortemId(1)))!;
        Assert.Empty(after.Timeline);
        Assert.Equal(before, after.Version);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task EditAndRemove_PickTheEntryByAutocomplete()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await AddAsync(bot, thread, "2021-05-06 12:00", "event-start", "1.52.0 released");
        await AddAsync(bot, thread, "2021-05-07 12:00", "note", "Rollout to the beta channel");

        var suggested = await (await bot.Emulator.AutocompleteAsync(bot.Bob, thread, "postmortem", "timeline edit", "entry", "beta")).ResponseAsync();
        var entry = Assert.Single(suggested.Choices);
        Assert.Equal("2021-05-07 12:00 · Note · Rollout to the beta channel", entry["name"]!.GetValue<string>());
        var edited = await (await bot.SlashAsync(bot.Bob, thread, "timeline edit", new Dictionary<string, object?>
        {
            ["entry"] = entry["value"]!.GetValue<long>(),
            ["when"] = "2021-05-08 12:00",
            ["kind"] = "event-end",
        })).ResponseAsync();
        Assert.Contains("Event duration:** 2 days", edited.Content, StringComparison.Ordinal);

        var removed = await (await bot.SlashAsync(bot.Bob, thread, "timeline remove", new Dictionary<string, object?> { ["entry"] = entry["value"]!.GetValue<long>() })).ResponseAsync();
        var again = await (await bot.SlashAsync(bot.Bob, thread, "timeline remove", new Dictionary<string, object?> { ["entry"] = entry["value"]!.GetValue<long>() })).ResponseAsync();

        Assert.Contains("Removed", removed.Content, StringComparison.Ordinal);
        Assert.Contains("does not exist", again.Content, StringComparison.Ordinal);
        var stored = (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!;
        Assert.Equal("1.52.0 released", Assert.Single(stored.Timeline).Text);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task ThePrompt_AddsAnEntryThroughItsForm_AndShowsWhatIsStillMissing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = await NextUntilAsync(bot, thread, "timeline-add:");
        Assert.Contains("Still missing: event start, detection, mitigation, event end", prompt.Content, StringComparison.Ordinal);

        var click = await bot.Emulator.ClickButtonAsync(bot.Bob, prompt, BotUnderTest.CustomIdStartingWith(prompt, "timeline-add:"));
        Assert.True((await click.ResponseAsync()).IsModal);
        var submit = await bot.Emulator.SubmitModalAsync(
            bot.Bob, click, new Dictionary<string, string> { ["when"] = "2021-05-06T12:00Z", ["what"] = "1.52.0 released" }, new Dictionary<string, string[]> { ["kind"] = ["event-start"] });

        Assert.Equal(InteractionResponse.UpdateMessage, (await submit.ResponseAsync()).Type);
        Assert.Contains("**1** entry so far. Still missing: detection, mitigation, event end.", prompt.Content, StringComparison.Ordinal);
        var confirmation = await submit.WaitForFollowupAsync();
        Assert.Equal(bot.Bob, confirmation.VisibleTo);
        Assert.Contains("2021-05-06 12:00 UTC", confirmation.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    private static async Task<Discord.Emulator.InteractionResponse> AddAsync(BotUnderTest bot, EmulatedChannel thread, string when, string kind, string what) =>
        await (await bot.SlashAsync(bot.Alice, thread, "timeline add", new Dictionary<string, object?> { ["when"] = when, ["kind"] = kind, ["what"] = what })).ResponseAsync();

    // Presses Next on the latest prompt until one carries a button with the given custom id prefix.
    internal static async Task<EmulatedMessage> NextUntilAsync(BotUnderTest bot, EmulatedChannel thread, string buttonPrefix)
    {
        var current = BotUnderTest.Prompts(thread)[^1];
        for (var i = 0; i < 15 && !current.CustomIds.Any(id => id.StartsWith(buttonPrefix, StringComparison.Ordinal)); i++)
        {
            var next = await bot.Emulator.ClickButtonAsync(bot.Alice, current, BotUnderTest.CustomIdStartingWith(current, "next:"));
            await next.ResponseAsync();
            current = next.Original!;
        }

        return current.CustomIds.Any(id => id.StartsWith(buttonPrefix, StringComparison.Ordinal))
            ? current
            : throw new InvalidOperationException($"No prompt with a {buttonPrefix} button.");
    }
}
