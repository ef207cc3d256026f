using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class CommandTests
{
    [Fact]
    public async Task Commands_AreRegisteredInTheConfiguredDevelopmentGuild()
    {
        await using var bot = await BotUnderTest.StartAsync(b => new Dictionary<string, string?>
        {
            ["DiscordBot:CommandGuildIds:0"] = b.Guild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var command = Assert.Single(bot.Emulator.RegisteredCommands, c => c.Name == "postmortem");
        Assert.Equal(bot.Guild.Id, command.GuildId);
        Assert.Contains("start", command.SubcommandPaths);
        Assert.Contains("config", command.SubcommandPaths);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Start_InsideAThread_IsRefused()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var inThread = await (await bot.SlashAsync(bot.Alice, thread, "start", new { title = "Nested" })).ResponseAsync();

        Assert.True(inThread.IsEphemeral);
        Assert.Contains("text channel", inThread.Content, StringComparison.Ordinal);
        Assert.Single(bot.Guild.Threads);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task CommandsOutsideTheThread_TakeAnIdOption_WithAutocompleteByTitle()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.StartPostmortemAsync(bot.Alice, "Database outage");
        await bot.StartPostmortemAsync(bot.Alice, "Cache stampede");

        var withoutId = await (await bot.SlashAsync(bot.Bob, bot.Incidents, "status")).ResponseAsync();
        var suggested = await (await bot.Emulator.AutocompleteAsync(bot.Bob, bot.Incidents, "postmortem", "status", "id", "cache")).ResponseAsync();
        var choice = Assert.Single(suggested.Choices);
        var withId = await (await bot.SlashAsync(bot.Bob, bot.Incidents, "status", new Dictionary<string, object?> { ["id"] = choice["value"]!.GetValue<long>() })).ResponseAsync();

        Assert.Contains("`id` option", withoutId.Content, StringComparison.Ordinal);
        Assert.Contains("Cache stampede", choice["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Cache stampede", withId.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Status_WithManyFindings_IsPaged_AndEveryPageFits()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var alice = new UserRef(bot.Alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "alice");
        for (var i = 1; i <= 40; i++)
        {
            await service.ExecuteAsync(new PostmortemId(1), new AskWhy(null, $"Why did step {i} of the rollout not catch the miscompilation before release?"), alice);
        }

        var status = await bot.SlashAsync(bot.Bob, thread, "status");
        var first = await status.ResponseAsync();
        var message = status.Original!;
        var seen = new List<string> { first.Content! };
        for (var page = 2; message.CustomIds.Count == 2 && message.FindComponent(message.CustomIds[1])?["disabled"]?.GetValue<bool>() != true; page++)
        {
            await (await bot.Emulator.ClickButtonAsync(bot.Bob, message, message.CustomIds[1])).ResponseAsync();
            Assert.Contains($"Page {page} of", message.Content, StringComparison.Ordinal);
            seen.Add(message.Content);
        }

        Assert.True(seen.Count > 1);
        Assert.All(seen, page => Assert.InRange(page.Length, 1, 2000));
        Assert.Contains("step 40", string.Join("\n", seen), StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Dashboard_ShowsTimelineFigures_AndTheHalvingQuestionQuotesThem()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var alice = new UserRef(bot.Alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "alice");
        var start = new DateTimeOffset(2021, 5, 6, 9, 0, 0, TimeSpan.Zero);
        await service.ExecuteAsync(new PostmortemId(1), new AddTimelineEntry(start, "1.52.0 released", TimelineEntryKind.EventStart), alice);
        await service.ExecuteAsync(new PostmortemId(1), new AddTimelineEntry(start.AddDays(3).AddHours(4), "First ICE report", TimelineEntryKind.Detected), alice);

        var summary = BotUnderTest.Prompts(thread)[0];
        await bot.AnswerAsync(bot.Alice, summary, "Incremental compilation miscompiled.");
        await bot.AnswerAsync(bot.Alice, summary, "Incremental compilation miscompiled some crates.");
        var detection = await NextPromptAsync(bot, thread, "incident-response.detection:");
        var halving = await NextPromptAsync(bot, thread, "incident-response.detection-halved:", detection);

        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("Time to detect: 3 days 4 hours", StringComparison.Ordinal), description: "time to detect");
        Assert.Contains("Detection took 3 days 4 hours; what would have cut it to 1 day 14 hours?", halving.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    // Presses Next until the prompt whose answer button ends with the given section, and returns it.
    private static async Task<EmulatedMessage> NextPromptAsync(BotUnderTest bot, EmulatedChannel thread, string section, EmulatedMessage? from = null)
    {
        var current = from ?? BotUnderTest.Prompts(thread)[^1];
        for (var i = 0; i < 12; i++)
        {
            var next = await bot.Emulator.ClickButtonAsync(bot.Alice, current, BotUnderTest.CustomIdStartingWith(current, "next:"));
            await next.ResponseAsync();
            current = next.Original!;
            if (current.CustomIds.Any(id => id.StartsWith("answer:", StringComparison.Ordinal) && id.EndsWith(":" + section.TrimEnd(':'), StringComparison.Ordinal)))
            {
                return current;
            }
        }

        throw new InvalidOperationException($"No prompt for {section}.");
    }
}
