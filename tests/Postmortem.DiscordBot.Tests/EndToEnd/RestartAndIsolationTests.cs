using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class RestartAndIsolationTests
{
    [Fact]
    public async Task AfterARestart_AnOldPromptButtonStillWorks()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        await bot.AnswerAsync(bot.Alice, prompt, "Before the restart.");

        await bot.RestartAsync();
        var click = await bot.Emulator.ClickButtonAsync(bot.Bob, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        await click.ResponseAsync();
        Assert.Equal("Before the restart.", BotUnderTest.ModalInput(click)["value"]!.GetValue<string>());
        await (await bot.Emulator.SubmitModalAsync(bot.Bob, click, new Dictionary<string, string> { ["text"] = "After the restart." })).ResponseAsync();

        Assert.Contains("After the restart.", prompt.Content, StringComparison.Ordinal);
        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("bob", StringComparison.Ordinal), description: "the dashboard edited after the restart");
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task TwoGuilds_AreIsolated_AndForgedOrCopiedIdsChangeNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var ours = await bot.StartPostmortemAsync(bot.Alice, "Ops outage");
        var other = bot.Emulator.CreateGuild("Other");
        var otherChannel = other.CreateTextChannel("general");
        var mallory = bot.Emulator.CreateUser("mallory");
        other.AddMember(mallory, Discord.Emulator.DiscordPermissions.Administrator);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var before = (await service.GetAsync(new PostmortemId(1)))!;
        var oursId = before.Id;

        var copied = await (await bot.SlashAsync(mallory, otherChannel, "status", new Dictionary<string, object?> { ["id"] = oursId.Value })).ResponseAsync();
        var suggestions = await (await bot.Emulator.AutocompleteAsync(mallory, otherChannel, "postmortem", "status", "id", "")).ResponseAsync();
        var theirs = await bot.StartPostmortemAsync(mallory, "Their outage", channel: otherChannel);
        var theirPrompt = BotUnderTest.Prompts(theirs)[0];
        var forgedAnswer = await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, $"answer:{oursId}:summary")).ResponseAsync();
        var forgedSkip = await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, $"skip:{oursId}:summary")).ResponseAsync();
        var garbage = await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, "skip:not-a-number:summary")).ResponseAsync();

        Assert.Contains("not found here", copied.Content, StringComparison.Ordinal);
        Assert.Empty(suggestions.Choices);
        Assert.False(forgedAnswer.IsModal);
        Assert.Contains("not found here", forgedAnswer.Content, StringComparison.Ordinal);
        Assert.True(forgedSkip.IsEphemeral);
        Assert.Contains("not found here", forgedSkip.Content, StringComparison.Ordinal);
        Assert.True(garbage.IsEphemeral);
        var unchanged = await service.GetAsync(oursId);
        Assert.Null(unchanged!.FindSection("summary"));
        Assert.Equal(before.Version, unchanged.Version);
        Assert.Single(BotUnderTest.Prompts(ours));
        bot.AssertNoViolations();
    }
}
