using System.Net;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.Discord.Tests.Integration.Support;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>DiscordRestClient when Discord fails or refuses: retry what may succeed later, surface the rest typed.</summary>
public sealed class RestFailureTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_AndTheMessageIsPostedOnce()
    {
        // The backoff is 1 s, then 2 s (plus jitter); a 50x clock makes that 60 ms.
        await using var discord = await LiveDiscord.StartAsync(speed: 50);
        discord.Emulator.FailNextRequests(2, status: 500);

        var message = await discord.Rest.CreateMessageAsync(new Snowflake(discord.Channel.Id), new MessagePayload { Content = "timeline" });

        var requests = discord.Emulator.RequestsTo(CreateMessage);
        Assert.Equal([500, 500, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= DiscordRestClient.RetryBaseDelay, "the first retry came too early");
        Assert.True(requests[2].At - requests[1].At >= 2 * DiscordRestClient.RetryBaseDelay, "the backoff did not grow");
        // Every attempt carries the same enforced nonce, so a retry can never post twice.
        Assert.Single(requests.Select(r => r.Body!["nonce"]!.GetValue<string>()).Distinct());
        Assert.True(requests[0].Body!["enforce_nonce"]!.GetValue<bool>());
        Assert.Equal(message.Id.Value, Assert.Single(discord.Channel.Messages).Id);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task ServerErrors_GiveUpAfterTheRetryBound_WithTheStatus()
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 50);
        discord.Emulator.FailNextRequests(DiscordRestClient.MaxRetries + 1, status: 502);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            discord.Rest.CreateMessageAsync(new Snowflake(discord.Channel.Id), new MessagePayload { Content = "timeline" }));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(DiscordRestClient.MaxRetries + 1, discord.Emulator.RequestsTo(CreateMessage).Count);
        Assert.Empty(discord.Channel.Messages);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task DirectMessage_ToUserWhoRefusesDms_Throws50007_WithoutRetrying()
    {
        await using var discord = await LiveDiscord.StartAsync();
        var bob = discord.Emulator.CreateUser("bob", acceptsDms: false);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            discord.Rest.SendDirectMessageAsync(new Snowflake(bob.Id), new MessagePayload { Content = "Your action item is due" }));

        Assert.Equal(DiscordErrorCodes.CannotDmUser, error.Code);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("Cannot send messages to this user", error.DiscordMessage);
        Assert.Equal([403], discord.Emulator.RequestsTo(CreateMessage).Select(r => r.Status));
        Assert.Empty(discord.Emulator.Dms(bob));
        discord.AssertBrokeNoRules();
    }
}
