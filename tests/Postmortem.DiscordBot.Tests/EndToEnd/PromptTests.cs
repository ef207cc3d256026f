using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class PromptTests
{
    private const string Summary = "The 1.52.0 release miscompiled incremental builds.\n\nIncremental compilation was disabled in 1.52.1.";

    [Fact]
    public async Task Answer_ThroughTheModal_UpdatesThePromptQuietly_AndAnsweringAgainIsPrefilled()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        var before = thread.PublicMessages.Count;

        var first = await bot.Emulator.ClickButtonAsync(bot.Alice, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        Assert.True((await first.ResponseAsync()).IsModal);
        Assert.Null(BotUnderTest.ModalInput(first)["value"]);
        var submit = await bot.Emulator.SubmitModalAsync(bot.Alice, first, new Dictionary<string, string> { ["text"] = Summary });

        Assert.Equal(InteractionResponse.UpdateMessage, (await submit.ResponseAsync()).Type);
        Assert.Contains("Incremental compilation was disabled", prompt.Content, StringComparison.Ordinal);
        Assert.Contains("revision 1 by alice", prompt.Content, StringComparison.Ordinal);
        Assert.Equal(before, thread.PublicMessages.Count);

        var second = await bot.Emulator.ClickButtonAsync(bot.Bob, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        await second.ResponseAsync();
        Assert.Equal(Summary, BotUnderTest.ModalInput(second)["value"]!.GetValue<string>());
        Assert.EndsWith(":1", second.Modal!["custom_id"]!.GetValue<string>(), StringComparison.Ordinal);
        var edit = await bot.Emulator.SubmitModalAsync(bot.Bob, second, new Dictionary<string, string> { ["text"] = Summary + "\n\nNo data was lost." });
        await edit.ResponseAsync();
        Assert.Contains("revision 2 by bob", prompt.Content, StringComparison.Ordinal);
        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("bob", StringComparison.Ordinal), description: "bob on the dashboard");
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Answer_OfOnlyInvisibleCharacters_IsRefusedEphemerally_AndNothingIsSaved()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        var shown = prompt.Content;

        var click = await bot.Emulator.ClickButtonAsync(bot.Alice, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        await click.ResponseAsync();
        var submit = await bot.Emulator.SubmitModalAsync(bot.Alice, click, new Dictionary<string, string> { ["text"] = "\u200B\uFEFF\u200B" });
        var answer = await submit.ResponseAsync();

        Assert.True(answer.IsEphemeral);
        Assert.Contains("invisible characters", answer.Content ?? "", StringComparison.Ordinal);
        Assert.Equal(shown, prompt.Content);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Start_WithAnInvisibleTitle_IsRefused_AndNoThreadIsCreated()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var start = await bot.SlashAsync(bot.Alice, bot.Incidents, "start", new Dictionary<string, object?> { ["title"] = "\u200B\u2060" });
        var reply = await start.ResponseAsync();
        var shown = reply.IsDeferred ? (await start.WaitForOriginalAsync()).Content : reply.Content;

        Assert.Contains("invisible characters", shown, StringComparison.Ordinal);
        Assert.Empty(bot.Emulator.Threads);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task ReplyToPrompt_AddsAParagraph_AndOnlyEditsThePreview()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        await bot.AnswerAsync(bot.Alice, prompt, "First paragraph.");
        var before = thread.PublicMessages.Count;

        await bot.Emulator.PostMessageAsync(bot.Bob, thread, "Second paragraph from a reply.", replyTo: prompt);

        await bot.Emulator.WaitForAsync(() => prompt.Content.Contains("Second paragraph from a reply.", StringComparison.Ordinal), description: "the preview");
        Assert.Contains("First paragraph.\n\nSecond paragraph from a reply.", prompt.Content, StringComparison.Ordinal);
        Assert.Contains("revision 2 by bob", prompt.Content, StringComparison.Ordinal);
        Assert.Equal(before + 1, thread.PublicMessages.Count);
        Assert.Empty(bot.Emulator.Dms(bot.Bob));
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task LongAnswer_IsPreviewedInThePrompt_AndShownInFullOverTwoMessages()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        var paragraphs = Enumerable.Range(1, 35).Select(i => $"Paragraph {i:00} describes one more step of the rollout in some detail here.");
        var answer = string.Join("\n\n", paragraphs);
        Assert.InRange(answer.Length, 2100, 4000);

        await bot.AnswerAsync(bot.Alice, prompt, answer);
        Assert.InRange(prompt.Content.Length, 1, 2000);
        Assert.Contains("Show full answer", prompt.Content, StringComparison.Ordinal);
        var show = await bot.Emulator.ClickButtonAsync(bot.Alice, prompt, BotUnderTest.CustomIdStartingWith(prompt, "show:"));
        await show.ResponseAsync();
        await show.WaitForFollowupAsync();

        Assert.Equal(2, show.Messages.Count);
        Assert.All(show.Messages, m => Assert.Equal(bot.Alice, m.VisibleTo));
        var shown = string.Join("\n\n", show.Messages.Select(m => m.Content));
        Assert.All(paragraphs, p => Assert.Contains(p, shown, StringComparison.Ordinal));
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Conflict_TellsTheLaterEditor_WithBothTextsKept()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        var aliceOpens = await bot.Emulator.ClickButtonAsync(bot.Alice, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        var bobOpens = await bot.Emulator.ClickButtonAsync(bot.Bob, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        await aliceOpens.ResponseAsync();
        await bobOpens.ResponseAsync();

        await (await bot.Emulator.SubmitModalAsync(bot.Alice, aliceOpens, new Dictionary<string, string> { ["text"] = "Alice's account of the outage." })).ResponseAsync();
        var late = await bot.Emulator.SubmitModalAsync(bot.Bob, bobOpens, new Dictionary<string, string> { ["text"] = "Bob's account of the outage." });
        var response = await late.ResponseAsync();

        Assert.True(response.IsEphemeral);
        Assert.Contains("Alice's account of the outage.", response.Content, StringComparison.Ordinal);
        Assert.Contains("Bob's account of the outage.", response.Content, StringComparison.Ordinal);
        Assert.Contains("revision 1 by alice", prompt.Content, StringComparison.Ordinal);
        var conflictMessage = late.Original!;
        var merge = await bot.Emulator.ClickButtonAsync(bot.Bob, conflictMessage, BotUnderTest.CustomIdStartingWith(conflictMessage, "merge:"));
        await merge.ResponseAsync();
        var prefilled = BotUnderTest.ModalInput(merge)["value"]!.GetValue<string>();
        Assert.Contains("Alice's account", prefilled, StringComparison.Ordinal);
        Assert.Contains("Bob's account", prefilled, StringComparison.Ordinal);
        await (await bot.Emulator.SubmitModalAsync(bot.Bob, merge, new Dictionary<string, string> { ["text"] = "Merged: both accounts." })).ResponseAsync();
        await bot.Emulator.WaitForAsync(() => prompt.Content.Contains("Merged: both accounts.", StringComparison.Ordinal), description: "the merged preview");
        Assert.Contains("Saved your merged answer", conflictMessage.Content, StringComparison.Ordinal);
        Assert.Contains("revision 2 by bob", prompt.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task BlamingAnswer_IsSaved_AndTheAuthorGetsAPrivateNudge()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];

        var submit = await bot.AnswerAsync(bot.Alice, prompt, "The outage was Dave's fault: he was careless with the config.");
        var nudge = await submit.WaitForFollowupAsync();

        Assert.Contains("Dave's fault", prompt.Content, StringComparison.Ordinal);
        Assert.Equal(bot.Alice, nudge.VisibleTo);
        Assert.Contains("process", nudge.Content, StringComparison.OrdinalIgnoreCase);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Skip_MarksThePromptSkipped_AndAsksTheNextPart()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var summary = BotUnderTest.Prompts(thread)[0];

        var skip = await bot.Emulator.ClickButtonAsync(bot.Alice, summary, BotUnderTest.CustomIdStartingWith(summary, "skip:"));
        await skip.ResponseAsync();
        await bot.Emulator.WaitForAsync(() => BotUnderTest.Prompts(thread).Count == 2, description: "the next prompt");

        Assert.Contains("Skipped for now", summary.Content, StringComparison.Ordinal);
        Assert.Contains("Metrics/Graphs", BotUnderTest.Prompts(thread)[1].Content, StringComparison.Ordinal);
        var next = await bot.Emulator.ClickButtonAsync(bot.Alice, BotUnderTest.Prompts(thread)[1], BotUnderTest.CustomIdStartingWith(BotUnderTest.Prompts(thread)[1], "next:"));
        Assert.Equal(InteractionResponse.ChannelMessageWithSource, (await next.ResponseAsync()).Type);
        Assert.Contains("User Impact", next.Original!.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }
}
