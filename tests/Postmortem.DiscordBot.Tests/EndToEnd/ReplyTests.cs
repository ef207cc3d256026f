using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class ReplyTests
{
    [Fact]
    public async Task ReplyThatWouldMakeTheAnswerTooLong_ChangesNothing_AndTheAuthorIsToldByDm()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        await bot.AnswerAsync(bot.Alice, prompt, new string('a', 3000));
        var before = prompt.Content;

        await bot.Emulator.PostMessageAsync(bot.Bob, thread, new string('b', 1500), replyTo: prompt);

        var dm = await bot.Emulator.WaitForAsync(() => bot.Emulator.Dms(bot.Bob) is [var first, ..] ? first : null, description: "the DM");
        Assert.Contains("limit is 4000", dm.Content, StringComparison.Ordinal);
        Assert.Equal(before, prompt.Content);
        var stored = await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1));
        Assert.Equal(1, stored!.FindSection("summary")!.CurrentRevision);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task BlamingReply_IsSaved_AndNudgedByDm_OrSilentlyWhenDmsAreClosed()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        var closed = bot.Emulator.CreateUser("carol", acceptsDms: false);
        bot.Guild.AddMember(closed);

        await bot.Emulator.PostMessageAsync(bot.Bob, thread, "It was Dave's fault, he was sloppy.", replyTo: prompt);
        var nudge = await bot.Emulator.WaitForAsync(() => bot.Emulator.Dms(bot.Bob) is [var first, ..] ? first : null, description: "the nudge");
        await bot.Emulator.PostMessageAsync(closed, thread, "Carol thinks the deploy was careless.", replyTo: prompt);
        await bot.Emulator.WaitForAsync(() => prompt.Content.Contains("Carol thinks", StringComparison.Ordinal), description: "carol's paragraph");

        Assert.Contains("Dave's fault", prompt.Content, StringComparison.Ordinal);
        Assert.Contains("process", nudge.Content, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(bot.Emulator.Dms(closed));
        Assert.DoesNotContain(thread.PublicMessages, m => m.Content.Contains("💡", StringComparison.Ordinal));
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task RepliesToOtherMessages_AreIgnored()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var chatter = await bot.Emulator.PostMessageAsync(bot.Alice, thread, "Shall we start?");

        await bot.Emulator.PostMessageAsync(bot.Bob, thread, "Yes, let's.", replyTo: chatter);
        await bot.Emulator.PostMessageAsync(bot.Bob, thread, "Not a reply at all.");
        await bot.AnswerAsync(bot.Alice, BotUnderTest.Prompts(thread)[0], "Only this counts.");

        var stored = await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1));
        Assert.Equal("Only this counts.", stored!.CurrentText("summary"));
        bot.AssertNoViolations();
    }
}
