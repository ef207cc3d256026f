using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

/// <summary>
/// Faults before and after Discord processed a request, 40060 on a second initial callback, enforced nonces, and
/// UPDATE_MESSAGE's flag rules.
/// </summary>
public sealed class FaultTests
{
    private const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task ACallbackFailingBeforeProcessing_ChangesNothing_AndARetrySucceeds()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Emulator.FailNextRequests(Callback, 1, 503);
        var (handle, interaction) = await bot.RunStartAsync();

        var failed = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });
        Assert.Null(handle.Response);
        var retried = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal(HttpStatusCode.NoContent, retried.Status);
        Assert.True((await handle.ResponseAsync()).IsDeferred);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    public async Task ACallbackWhoseAnswerIsLost_IsAcknowledged_AndTheRetryGets40060WithoutAViolation(int status)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Emulator.LoseNextResponses(Callback, 1, status);
        var (handle, interaction) = await bot.RunStartAsync();

        var lost = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = Json.Message("Started") });
        var retried = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = Json.Message("Started") });

        Assert.Equal((HttpStatusCode)status, lost.Status);
        Assert.Equal("Started", Assert.Single(handle.Messages).Content);
        Assert.Equal(HttpStatusCode.BadRequest, retried.Status);
        Assert.Equal(40060, retried.Code);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task ACallbackWhoseConnectionIsResetAfterProcessing_IsAcknowledged()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Emulator.LoseNextResponses(Callback, 1, status: 0);
        var (handle, interaction) = await bot.RunStartAsync();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 }));

        Assert.True((await handle.ResponseAsync()).IsDeferred);
        Assert.Equal(40060, (await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 })).Code);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task ASecondCallbackAfterAHeardSuccess_Gets40060_AndIsAViolation()
    {
        await using var bot = await BotHarness.StartAsync();
        var (_, interaction) = await bot.RunStartAsync();

        await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });
        var second = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });

        Assert.Equal(40060, second.Code);
        Assert.Contains(bot.Emulator.Violations, v => v.Reason.Contains("already acknowledged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEnforcedNonce_ReturnsTheEarlierMessage_InsteadOfPostingAgain()
    {
        await using var bot = await BotHarness.StartAsync();
        var path = $"channels/{bot.Channel.Id}/messages";
        bot.Emulator.LoseNextResponses(CreateMessage, 1, 500);
        JsonObject Body(string nonce, bool enforce) => new() { ["content"] = "Why 1 answered", ["nonce"] = nonce, ["enforce_nonce"] = enforce };

        var lost = await bot.Rest.PostAsync(path, Body("1300000000000000001", enforce: true));
        var retried = await bot.Rest.PostAsync(path, Body("1300000000000000001", enforce: true));
        var other = await bot.Rest.PostAsync(path, Body("1300000000000000002", enforce: true));
        var unenforced = await bot.Rest.PostAsync(path, Body("1300000000000000002", enforce: false));

        Assert.Equal(HttpStatusCode.InternalServerError, lost.Status);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal(3, bot.Channel.Messages.Count);
        Assert.Equal($"{bot.Channel.Messages[0].Id}", retried.Json!["id"]!.GetValue<string>());
        Assert.NotEqual(other.Json!["id"]!.GetValue<string>(), unenforced.Json!["id"]!.GetValue<string>());
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task ADelayedAnswer_ArrivesLate_ButTheWorkIsDone()
    {
        var clock = new Postmortem.Testing.FakeTimeProvider();
        await using var bot = await BotHarness.StartAsync(new EmulatorOptions { Time = clock });
        bot.Emulator.DelayNextResponses(Callback, 1, TimeSpan.FromSeconds(5));
        var (handle, interaction) = await bot.RunStartAsync();

        var answer = bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });
        await bot.Emulator.WaitForAsync(() => bot.Emulator.DelayedResponses == 1, description: "the answer held back");
        Assert.True((await handle.ResponseAsync()).IsDeferred);
        Assert.False(answer.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.NoContent, (await answer).Status);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(64 | 4)]
    public async Task UpdateMessage_WithTheEphemeralFlag_IsRefused(int flags)
    {
        await using var bot = await BotHarness.StartAsync();
        var (_, interaction) = await bot.RunStartAsync();
        var reply = Json.Message("Page 1");
        reply["flags"] = 64;
        reply["components"] = new JsonArray(Json.Row(Json.Button("page:2")));
        await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = reply });
        var message = Assert.Single(bot.Channel.Messages);
        var click = await bot.Emulator.ClickButtonAsync(bot.User, message, "page:2");
        var clicked = await bot.NextInteractionAsync();

        var refused = await bot.RespondAsync(clicked, new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "Page 2", ["flags"] = flags } });
        var accepted = await bot.RespondAsync(clicked, new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "Page 2" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(50035, refused.Code);
        Assert.Equal(HttpStatusCode.NoContent, accepted.Status);
        Assert.Equal("Page 2", message.Content);
        Assert.True(message.IsEphemeral);
        Assert.Equal(7, (await click.ResponseAsync()).Type);
    }
}
