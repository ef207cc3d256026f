using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Tests.FiveWhys;
using Postmortem.DiscordBot.Tests.Support;
using Postmortem.DiscordBot.Tests.Timeline;

namespace Postmortem.DiscordBot.Tests.Lessons;

public sealed class LessonsPromptTests
{
    [Fact]
    public async Task ThePrompts_AddALesson_ACorrectiveAction_AndAnItemOwnedByWhoeverPressedIt()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var lessons = await TimelineTests.NextUntilAsync(bot, thread, "lesson-add:");
        Assert.Contains("0 lessons so far. No root causes are marked yet.", lessons.Content, StringComparison.Ordinal);

        var added = await WhySteps.PressAndSubmitAsync(bot, bot.Bob, lessons, "lesson-add", "Release communication was slow.");
        Assert.Equal(Discord.Emulator.InteractionResponse.UpdateMessage, added.Response!.Type);
        Assert.Contains("1 lesson so far.", lessons.Content, StringComparison.Ordinal);
        Assert.Contains("Added lesson **1**", (await added.WaitForFollowupAsync()).Content, StringComparison.Ordinal);

        var postmortem = await WhysPromptTests.GetAsync(bot);
        var lesson = postmortem.Lessons.Single();
        var correctivePrompt = await WhysPromptTests.PostPromptAsync(bot, thread, postmortem, new FacilitatorPrompt(
            PromptKind.CorrectiveAction, "lessons", "Lesson 1", $"What long-term corrective action follows from lesson 1: \"{lesson.Text}\"?", "", lesson.Id));
        var corrective = await WhySteps.PressAndSubmitAsync(bot, bot.Bob, correctivePrompt, "corrective-add", "Define a playbook for user communication.");
        Assert.Contains("corrective action **1a**", corrective.Response!.Content, StringComparison.Ordinal);

        postmortem = await WhysPromptTests.GetAsync(bot);
        var action = postmortem.CorrectiveActions.Single();
        var itemPrompt = await WhysPromptTests.PostPromptAsync(bot, thread, postmortem, new FacilitatorPrompt(
            PromptKind.ActionItem, "lessons", "Corrective action 1a", "What short-term action item moves 1a forward?", "", action.Id));
        var click = await bot.Emulator.ClickButtonAsync(bot.Bob, itemPrompt, BotUnderTest.CustomIdStartingWith(itemPrompt, "item-own:"));
        Assert.True((await click.ResponseAsync()).IsModal);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var item = await (await bot.Emulator.SubmitModalAsync(bot.Bob, click, new Dictionary<string, string> { ["text"] = "Survey response playbooks.", ["due"] = due })).ResponseAsync();

        Assert.True(item.IsEphemeral);
        Assert.Contains($"**1a-i**, owned by you, due {due}", item.Content, StringComparison.Ordinal);
        var stored = (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!.ActionItems.Single();
        Assert.Equal("bob", stored.Owner!.DisplayName);
        bot.AssertNoViolations();
    }
}
