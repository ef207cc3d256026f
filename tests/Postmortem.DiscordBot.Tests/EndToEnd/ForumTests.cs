using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class ForumTests
{
    [Fact]
    public async Task ForumMode_PostsInTheForum_AndItsTagFollowsTheStatus()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var forum = bot.Guild.CreateForumChannel("postmortems", "database", "draft");
        bot.Guild.BotPermissions |= DiscordPermissions.ManageChannels;
        await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["forum-channel"] = forum })).ResponseAsync();

        var post = await bot.StartPostmortemAsync(bot.Alice, "Cache stampede");

        Assert.Same(forum, post.Parent);
        Assert.Empty(bot.Incidents.Threads);
        Assert.Equal(["database", "draft", "In review", "Final"], forum.AvailableTags.Select(t => t.Name));
        Assert.Equal([forum.Tag("draft").Id], post.AppliedTags);
        var dashboard = post.PublicMessages[0];
        Assert.Contains("Cache stampede", dashboard.EmbedText, StringComparison.Ordinal);
        Assert.True(dashboard.IsPinned);

        await (await bot.SlashAsync(bot.Alice, post, "review")).ResponseAsync();
        await bot.Emulator.WaitForAsync(() => post.AppliedTags.SequenceEqual([forum.Tag("In review").Id]), description: "the In review tag");
        var finalize = await bot.SlashAsync(bot.Alice, post, "finalize");
        await finalize.ResponseAsync();
        await (await bot.Emulator.ClickButtonAsync(bot.Alice, finalize.Original!, BotUnderTest.CustomIdStartingWith(finalize.Original!, "finalize:"))).ResponseAsync();
        await bot.Emulator.WaitForAsync(() => post.AppliedTags.SequenceEqual([forum.Tag("Final").Id]), description: "the Final tag");
        await (await bot.SlashAsync(bot.Alice, post, "reopen")).ResponseAsync();
        await bot.Emulator.WaitForAsync(() => post.AppliedTags.SequenceEqual([forum.Tag("draft").Id]), description: "the draft tag again");
        bot.AssertNoViolations();
    }
}
