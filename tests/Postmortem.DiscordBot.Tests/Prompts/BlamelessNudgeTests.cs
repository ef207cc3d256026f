using System.Globalization;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Prompts;

/// <summary>The blameless nudge as people meet it on Discord: names as the thread knows them, owners, role mentions.</summary>
public sealed class BlamelessNudgeTests
{
    [Fact]
    public async Task LowerCaseNameOfAMemberInTheThread_AsTheAgentOfAFailure_GetsANudgeWithARewording()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        // Bob takes part, so the postmortem knows him; people then write his name however they like.
        await bot.AnswerAsync(bot.Bob, prompt, "The signing key expired at 02:00.");

        var submit = await bot.AnswerAsync(bot.Alice, prompt, "The signing key expired at 02:00 because bob forgot to rotate it before the freeze.");
        var nudge = await submit.WaitForFollowupAsync();

        Assert.Contains("bob forgot to rotate it", prompt.Content, StringComparison.Ordinal);
        Assert.Equal(bot.Alice, nudge.VisibleTo);
        Assert.Contains("“bob forgot” reads as blame", nudge.Content, StringComparison.Ordinal);
        Assert.Contains("the process had no reminder or automatic step to rotate it before the freeze", nudge.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task ActionItemNamingItsOwner_GetsNoNudge_ButBlameInALessonDoes()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await (await bot.SlashAsync(bot.Bob, thread, "lesson add", new { text = "Key rotation depended on memory." })).ResponseAsync();
        await (await bot.SlashAsync(bot.Alice, thread, "action corrective", new { lesson = "1", text = "bob and the on-call rotate keys from a schedule." })).ResponseAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var item = await (await bot.SlashAsync(bot.Alice, thread, "action item", new Dictionary<string, object?>
        {
            ["corrective"] = "1a",
            ["text"] = $"bob to automate the rotation; <@{bot.Bob.Id}> owns the reminder.",
            ["owner"] = bot.Bob,
            ["due"] = due,
        })).ResponseAsync();
        var lesson = await (await bot.SlashAsync(bot.Alice, thread, "lesson add", new { text = "It happened because bob skipped the rotation checklist." })).ResponseAsync();

        Assert.Contains("**1a-i**", item.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("reads as blame", item.Content, StringComparison.Ordinal);
        Assert.Contains("“bob skipped” reads as blame", lesson.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task RoleMentionAsTheAgentOfAFailure_GetsANudge()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var sre = bot.Guild.CreateRole("sre");
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];

        var submit = await bot.AnswerAsync(bot.Alice, prompt, $"<@&{sre.Id}> ignored the disk alerts for two days.");
        var nudge = await submit.WaitForFollowupAsync();

        Assert.Equal(bot.Alice, nudge.VisibleTo);
        Assert.Contains("ignored” reads as blame", nudge.Content, StringComparison.Ordinal);
        Assert.Contains("The disk alerts were easy to miss", nudge.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }
}
