using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Status_ListsProgressAndFindingsWithFixes_Privately()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await bot.AnswerAsync(bot.Alice, BotUnderTest.Prompts(thread)[0], "One.\n\nTwo.\n\nThree.\n\nFour paragraphs is one too many.");

        var status = await bot.SlashAsync(bot.Bob, thread, "status");
        var response = await status.ResponseAsync();

        Assert.True(response.IsEphemeral);
        var pages = new List<string> { response.Content! };
        var message = status.Original!;
        while (message.CustomIds.FirstOrDefault(id => id.StartsWith("status:", StringComparison.Ordinal) && !IsDisabled(message, id) && id != message.CustomIds[0]) is { } next)
        {
            var click = await bot.Emulator.ClickButtonAsync(bot.Bob, message, next);
            Assert.Equal(InteractionResponse.UpdateMessage, (await click.ResponseAsync()).Type);
            pages.Add(message.Content);
        }

        var all = string.Join("\n", pages);
        Assert.Contains("Summary", all, StringComparison.Ordinal);
        Assert.Contains("at most 3", all, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("↳", all, StringComparison.Ordinal);
        Assert.Contains("Metrics/Graphs", all, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Export_PostsTheMarkdownDocumentAsAFile()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await bot.AnswerAsync(bot.Alice, BotUnderTest.Prompts(thread)[0], "Alice rolled back the release; <@123> helped.");

        var export = await bot.SlashAsync(bot.Bob, thread, "export", new Dictionary<string, object?> { ["keep-names-out"] = true });
        Assert.True((await export.ResponseAsync()).IsDeferred);
        var message = await export.WaitForOriginalAsync();

        var file = Assert.Single(message.Attachments);
        Assert.EndsWith(".md", file.FileName, StringComparison.Ordinal);
        var markdown = file.Text;
        Assert.Contains("# ", markdown, StringComparison.Ordinal);
        Assert.Equal(
            ["Summary", "Metrics/Graphs", "User Impact", "Incident Response", "Timeline", "Leadup", "Five Whys",
             "Lessons Learned, Corrective Actions, Action Items", "References", "Open findings"],
            ExportedDocument.Parse(markdown).SectionTitles);
        Assert.Contains("rolled back the release", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", markdown, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Finalize_AsksForConfirmation_ThenIsReadOnly_UntilTheFacilitatorReopens()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];

        var byBob = await bot.SlashAsync(bot.Bob, thread, "finalize");
        Assert.Contains("facilitator", (await byBob.ResponseAsync()).Content, StringComparison.OrdinalIgnoreCase);

        var finalize = await bot.SlashAsync(bot.Alice, thread, "finalize");
        var ask = await finalize.ResponseAsync();
        Assert.True(ask.IsEphemeral);
        Assert.Contains("remain", ask.Content, StringComparison.Ordinal);
        var confirm = await bot.Emulator.ClickButtonAsync(bot.Alice, finalize.Original!, BotUnderTest.CustomIdStartingWith(finalize.Original!, "finalize:"));
        Assert.Equal(InteractionResponse.UpdateMessage, (await confirm.ResponseAsync()).Type);
        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("Final", StringComparison.Ordinal), description: "Final on the dashboard");
        await bot.Emulator.WaitForAsync(() => thread.PublicMessages.Any(m => m.Content.Contains("is final and read-only", StringComparison.Ordinal)));

        var answer = await bot.Emulator.ClickButtonAsync(bot.Bob, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        var refused = await answer.ResponseAsync();
        Assert.True(refused.IsEphemeral);
        Assert.Contains("read-only", refused.Content, StringComparison.Ordinal);
        var before = prompt.Content;
        await bot.Emulator.PostMessageAsync(bot.Bob, thread, "A late reply.", replyTo: prompt);
        await bot.Emulator.WaitForAsync(() => bot.Emulator.Dms(bot.Bob).Count == 1, description: "the read-only DM");
        Assert.Equal(before, prompt.Content);

        var reopenByBob = await bot.SlashAsync(bot.Bob, thread, "reopen");
        Assert.Contains("Only the facilitator", (await reopenByBob.ResponseAsync()).Content, StringComparison.Ordinal);
        var reopen = await bot.SlashAsync(bot.Alice, thread, "reopen");
        var reopened = await reopen.ResponseAsync();
        Assert.False(reopened.IsEphemeral);
        Assert.Contains("draft again", reopened.Content, StringComparison.Ordinal);
        await bot.AnswerAsync(bot.Bob, prompt, "Answer after reopening.");
        Assert.Contains("Answer after reopening.", prompt.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    private static bool IsDisabled(EmulatedMessage message, string customId) =>
        message.FindComponent(customId)?["disabled"]?.GetValue<bool>() == true;
}
