using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Prompts;
using Postmortem.DiscordBot.Tests.Support;
using Postmortem.DiscordBot.Tests.Timeline;

namespace Postmortem.DiscordBot.Tests.FiveWhys;

public sealed class WhysPromptTests
{
    [Fact]
    public async Task TheFiveWhysPrompt_AsksTheFirstWhyThroughAForm_WhichOpensTheWhysThread()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = await TimelineTests.NextUntilAsync(bot, thread, "why-first:");
        Assert.Contains("Five Whys", prompt.Content, StringComparison.Ordinal);
        Assert.Contains("skip:", string.Join(" ", prompt.CustomIds), StringComparison.Ordinal);

        var submit = await WhySteps.PressAndSubmitAsync(bot, bot.Bob, prompt, "why-first", "Why did the problem reach users?");

        Assert.True(submit.Response!.IsDeferred);
        var confirmation = await submit.WaitForOriginalAsync();
        Assert.Equal(bot.Bob, confirmation.VisibleTo);
        var whys = await WhySteps.WhysThreadAsync(bot);
        Assert.Contains($"Saved **Why 1** in {whys.Mention}", confirmation.Content, StringComparison.Ordinal);
        Assert.Contains("Why did the problem reach users?", (await WhySteps.NodeAsync(bot, whys, "Why 1")).Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task TheFacilitatorsAnswerWhyPrompt_AnswersIntoTheWhysThread_AndTheRootCausePromptShowsTheTree()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await (await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = "Why was the canary silent?" })).WaitForOriginalAsync();
        var whys = await WhySteps.WhysThreadAsync(bot);
        var postmortem = await GetAsync(bot);
        var why = postmortem.Whys.Single();
        var answerPrompt = await PostPromptAsync(bot, thread, postmortem, new FacilitatorPrompt(PromptKind.AnswerWhy, "five-whys", "Why 1", why.Question, "Keep digging.", why.Id));
        Assert.Contains("Why 1** still needs an answer", answerPrompt.Content, StringComparison.Ordinal);

        var submit = await WhySteps.PressAndSubmitAsync(bot, bot.Bob, answerPrompt, "why-answer", "Nobody used beta.");
        Assert.Contains("Saved answer **1a**", (await submit.WaitForOriginalAsync()).Content, StringComparison.Ordinal);
        await WhySteps.NodeAsync(bot, whys, "1a");

        var rootPrompt = await PostPromptAsync(bot, thread, await GetAsync(bot), new FacilitatorPrompt(PromptKind.RootCause, "five-whys", "Root causes", "Which answers are root causes?", ""));
        var show = await bot.Emulator.ClickButtonAsync(bot.Bob, rootPrompt, BotUnderTest.CustomIdStartingWith(rootPrompt, "whys:"));
        var tree = await show.ResponseAsync();
        Assert.True(tree.IsEphemeral);
        Assert.Contains("**1a** Nobody used beta.", tree.Content, StringComparison.Ordinal);
        Assert.Contains("mark the **root causes**", tree.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    // Draws a prompt the way the bot does and posts it in the thread, so its buttons can be pressed.
    internal static async Task<Discord.Emulator.EmulatedMessage> PostPromptAsync(BotUnderTest bot, Discord.Emulator.EmulatedChannel thread, Core.Postmortem postmortem, FacilitatorPrompt prompt)
    {
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var payload = bot.Services.GetRequiredService<PromptView>().Render(postmortem, service.TemplateFor(postmortem), prompt);
        var posted = await bot.Services.GetRequiredService<IDiscordRestClient>().CreateMessageAsync(new Snowflake(thread.Id), payload);
        return thread.Messages.Single(m => m.Id == posted.Id.Value);
    }

    internal static async Task<Core.Postmortem> GetAsync(BotUnderTest bot) =>
        (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!;
}
