using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

/// <summary>
/// The real bot when the answer to its initial callback fails: before Discord processed it, or after (the answer lost
/// on the way back). A saved answer is always shown, never followed by "something went wrong" or a second callback.
/// </summary>
public sealed class CallbackFaultTests
{
    private const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    private const string Summary = "The cache was unavailable for an hour.";

    [Theory]
    [InlineData(500)]
    [InlineData(0)] // connection reset after Discord took the callback
    public async Task AnAnswerWhoseCallbackAnswerIsLost_IsSavedAndShown_WithoutASecondCallbackOrAnError(int status)
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        var click = await bot.Emulator.ClickButtonAsync(bot.Alice, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        await click.ResponseAsync();
        bot.Emulator.LoseNextResponses(Callback, 1, status);

        var submit = await bot.Emulator.SubmitModalAsync(bot.Alice, click, new Dictionary<string, string> { ["text"] = Summary });
        await submit.ResponseAsync();
        await bot.Emulator.WaitForAsync(() => CallbacksOf(bot, submit.Id).Count == 2, description: "the retried callback");
        await bot.Emulator.WaitForAsync(() => prompt.Content.Contains(Summary, StringComparison.Ordinal), description: "the answer in the prompt");
        await bot.RestartAsync(); // lets everything the handler was still doing finish

        Assert.Equal(2, CallbacksOf(bot, submit.Id).Count);
        Assert.DoesNotContain(submit.Followups, m => m.Content.Contains(InteractionRouter.FailureMessage, StringComparison.Ordinal));
        Assert.Contains("revision 1 by alice", prompt.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AnAnswerWhoseCallbackFailsBeforeProcessing_IsRetried_AndShown()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var prompt = BotUnderTest.Prompts(thread)[0];
        var click = await bot.Emulator.ClickButtonAsync(bot.Alice, prompt, BotUnderTest.CustomIdStartingWith(prompt, "answer:"));
        await click.ResponseAsync();
        bot.Emulator.FailNextRequests(Callback, 2, 503);

        var submit = await bot.Emulator.SubmitModalAsync(bot.Alice, click, new Dictionary<string, string> { ["text"] = Summary });
        var response = await submit.ResponseAsync();

        Assert.True(response.At - submit.CreatedAt < TimeSpan.FromSeconds(3));
        Assert.Equal([503, 503, 204], CallbacksOf(bot, submit.Id).Select(r => r.Status));
        Assert.Contains(Summary, prompt.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    private static List<Discord.Emulator.RecordedRequest> CallbacksOf(BotUnderTest bot, ulong interactionId) =>
        [.. bot.Emulator.RequestsTo(Callback).Where(r => r.Path.Contains($"/interactions/{interactionId}/", StringComparison.Ordinal))];
}
