using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class StartTests
{
    [Fact]
    public async Task Start_OpensPublicThread_WithPinnedDashboard_ThenTheFirstPrompt()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var start = await bot.SlashAsync(bot.Alice, bot.Incidents, "start", new { title = "Database outage", severity = "SEV2" });
        var response = await start.ResponseAsync();
        var announcement = await start.WaitForOriginalAsync();

        Assert.True(response.IsDeferred);
        Assert.False(response.IsEphemeral);
        var thread = Assert.Single(bot.Guild.Threads);
        Assert.Equal(Postmortem.Discord.Emulator.ChannelKind.PublicThread, thread.Kind);
        Assert.Contains(thread.Mention, announcement.Content, StringComparison.Ordinal);
        await bot.Emulator.WaitForAsync(() => BotUnderTest.Prompts(thread).Count == 1, description: "the first prompt");
        var dashboard = Assert.Single(thread.PinnedMessages);
        Assert.Contains("Database outage", dashboard.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Draft", dashboard.EmbedText, StringComparison.Ordinal);
        Assert.Contains("SEV2", dashboard.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Summary", dashboard.EmbedText, StringComparison.Ordinal);
        var prompt = BotUnderTest.Prompts(thread)[0];
        Assert.Contains("Summary", prompt.Content, StringComparison.Ordinal);
        Assert.Contains("At most 3 paragraphs", prompt.Content, StringComparison.Ordinal);
        Assert.Contains(prompt.CustomIds, id => id.StartsWith("answer:", StringComparison.Ordinal));
        Assert.Contains(prompt.CustomIds, id => id.StartsWith("skip:", StringComparison.Ordinal));
        Assert.True(dashboard.Id < prompt.Id, "The dashboard comes before the first prompt.");
        bot.AssertNoViolations();
    }
}
