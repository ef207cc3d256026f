using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.Discord.Tests.Integration.Support;
using InteractionHandle = Postmortem.Discord.Emulator.InteractionHandle;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>
/// The initial callback through our REST client against the emulator, with faults before, during and after
/// Discord's processing, on a clock 10 times faster than real time (3 s take 300 ms).
/// </summary>
public sealed class CallbackDeadlineTests
{
    private const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    private const string Followup = "POST /webhooks/{application_id}/{interaction_token}";
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task FailingBeforeProcessing_IsRetriedQuickly_AndAnsweredWithinTheDeadline()
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        var handle = await InteractAsync(discord);
        discord.Emulator.FailNextRequests(Callback, 2, 503);

        var outcome = await RespondAsync(discord, handle, InteractionResponse.DeferredMessage());

        Assert.Equal(InteractionCallbackOutcome.Acknowledged, outcome);
        Assert.Equal([503, 503, 204], discord.Emulator.RequestsTo(Callback).Select(r => r.Status));
        Assert.True((await handle.ResponseAsync()).At - handle.CreatedAt < _deadline);
        discord.Emulator.ThrowIfViolations();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(0)] // the connection reset after Discord took it
    public async Task FailingAfterProcessing_CountsTheRetrys40060AsSuccess(int status)
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        var handle = await InteractAsync(discord);
        discord.Emulator.LoseNextResponses(Callback, 1, status);

        var outcome = await RespondAsync(discord, handle, InteractionResponse.Message(new MessagePayload { Content = "Saved." }));

        Assert.Equal(InteractionCallbackOutcome.Acknowledged, outcome);
        Assert.Equal(2, discord.Emulator.RequestsTo(Callback).Count);
        Assert.Equal("Saved.", Assert.Single(handle.Messages).Content);
        discord.Emulator.ThrowIfViolations();
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheDeadline_IsCutOffThere_AsMaybeAcknowledged_AndNeverSentAgain()
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        var handle = await InteractAsync(discord);
        discord.Emulator.DelayNextResponses(Callback, 1, TimeSpan.FromSeconds(10));

        var outcome = await RespondAsync(discord, handle, InteractionResponse.DeferredMessage());
        var returnedAt = discord.Clock.GetUtcNow();

        Assert.Equal(InteractionCallbackOutcome.MaybeAcknowledged, outcome);
        // Cut off at the deadline, long before the 10 s the answer was held back (the margin absorbs a busy machine).
        Assert.True(returnedAt - handle.CreatedAt < TimeSpan.FromSeconds(7), $"returned {returnedAt - handle.CreatedAt} after INTERACTION_CREATE");
        Assert.True((await handle.ResponseAsync()).IsDeferred);
        await discord.Emulator.WaitForAsync(() => discord.Emulator.DelayedResponses == 0, description: "the delayed answer given up");
        Assert.Single(discord.Emulator.RequestsTo(Callback));
        discord.Emulator.ThrowIfViolations();
    }

    [Fact]
    public async Task FailingBeforeProcessingUntilTheDeadline_NeverSendsPastIt_AndThrows()
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        var handle = await InteractAsync(discord);
        discord.Emulator.FailNextRequests(Callback, 20, 503);

        // A 503 may come after processing, so the outcome is "maybe": what counts is that no attempt is late.
        var outcome = await RespondAsync(discord, handle, InteractionResponse.DeferredMessage());

        Assert.Equal(InteractionCallbackOutcome.MaybeAcknowledged, outcome);
        var attempts = discord.Emulator.RequestsTo(Callback);
        Assert.InRange(attempts.Count, 2, DiscordRestClient.MaxRetries + 1);
        Assert.All(attempts, a => Assert.True(a.At - handle.CreatedAt < _deadline, $"an attempt {a.At - handle.CreatedAt} after INTERACTION_CREATE"));
        discord.Emulator.ThrowIfViolations();
    }

    [Fact]
    public async Task WithTooLittleTimeLeft_NothingIsSent()
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        var handle = await InteractAsync(discord);

        var late = RespondAsync(discord, handle, InteractionResponse.DeferredMessage(), respondBy: discord.Clock.GetUtcNow() + TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<DiscordRestException>(() => late);
        Assert.Empty(discord.Emulator.RequestsTo(Callback));
        discord.Emulator.ThrowIfViolations();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    public async Task AFollowupWhoseAnswerIsLost_IsNotPostedTwice(int status)
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        var handle = await InteractAsync(discord);
        await RespondAsync(discord, handle, InteractionResponse.DeferredMessage(ephemeral: true));
        await discord.Rest.CreateFollowupAsync(new Snowflake(discord.Emulator.ApplicationId), handle.Token, new MessagePayload { Content = "Thinking done." });
        discord.Emulator.LoseNextResponses(Followup, 1, status);

        await Assert.ThrowsAnyAsync<DiscordRestException>(() =>
            discord.Rest.CreateFollowupAsync(new Snowflake(discord.Emulator.ApplicationId), handle.Token, new MessagePayload { Content = "Try a blameless wording." }));

        Assert.Single(handle.Followups, m => m.Content == "Try a blameless wording.");
    }

    private static Task<InteractionCallbackOutcome> RespondAsync(
        LiveDiscord discord, InteractionHandle handle, InteractionResponse response, DateTimeOffset? respondBy = null) =>
        discord.Rest.RespondToInteractionAsync(new Snowflake(handle.Id), handle.Token, response, respondBy ?? handle.CreatedAt + _deadline);

    private static async Task<InteractionHandle> InteractAsync(LiveDiscord discord)
    {
        await discord.Rest.OverwriteGuildCommandsAsync(new Snowflake(discord.Emulator.ApplicationId), new Snowflake(discord.Guild.Id),
        [
            new ApplicationCommand
            {
                Name = "postmortem",
                Description = "Run a postmortem",
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "status", Description = "Show it" }],
            },
        ]);
        await discord.ConnectAndWaitForGuildAsync();
        return await discord.Emulator.RunSlashCommandAsync(discord.User, discord.Channel, "postmortem", "status");
    }
}
