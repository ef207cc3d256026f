using Postmortem.Discord.Emulator;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Tests.Integration.Support;
using GatewayCloseCodes = Postmortem.Discord.Gateway.GatewayCloseCodes;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>When Discord refuses the bot for good, the client stops at once with the one line the operator needs.</summary>
public sealed class GatewayFatalTests
{
    [Fact]
    public async Task BadToken_StopsBeforeConnecting_WithTheTokenMessage()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        discord.Options.Token = "not-the-token";

        var client = await discord.ConnectAsync();

        // GET /gateway/bot is the first call and Discord answers a wrong token with 401.
        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => client.Completion.WaitAsync(LiveDiscord.Timeout));
        Assert.StartsWith("Discord rejected the bot token: check Discord__Token", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(0, discord.Emulator.Gateway.ConnectionCount);
        Assert.Single(discord.Emulator.Requests);
        Assert.Contains("401", Assert.Single(discord.Emulator.Violations).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Logs.Lines, line => line.Contains("not-the-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdentifyRefused4004_StopsTheShard_WithTheTokenMessage()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        // REST still has the right token (it was revoked between GET /gateway/bot and Identify): the gateway closes 4004.
        discord.Options.Token = "revoked-token";

        var client = await discord.ConnectWithAsync(discord.Rest);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => client.Completion.WaitAsync(LiveDiscord.Timeout));
        Assert.Equal(GatewayCloseCodes.AuthenticationFailed, fatal.CloseCode);
        Assert.StartsWith("Discord rejected the bot token: check Discord__Token", fatal.Message, StringComparison.Ordinal);
        AssertStoppedAfterOneConnection(discord, GatewayCloseCodes.AuthenticationFailed);
        Assert.DoesNotContain(discord.Logs.Lines, line => line.Contains("revoked-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrivilegedIntentNotEnabled4014_StopsTheShard_NamingTheIntent()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        discord.Options.Intents |= GatewayIntents.MessageContent;

        var client = await discord.ConnectAsync();

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => client.Completion.WaitAsync(LiveDiscord.Timeout));
        Assert.Equal(GatewayCloseCodes.DisallowedIntents, fatal.CloseCode);
        Assert.Equal(
            "Discord refused a privileged intent: enable the Message Content intent for this bot in the Developer Portal "
            + "(Bot -> Privileged Gateway Intents)",
            fatal.Message);
        AssertStoppedAfterOneConnection(discord, GatewayCloseCodes.DisallowedIntents);
        discord.AssertTokenNeverLogged();
    }

    [Fact]
    public async Task PrivilegedIntentEnabled_Connects()
    {
        await using var discord = await LiveDiscord.StartAsync(
            LiveDiscord.GatewayDefaults with { EnabledPrivilegedIntents = EmulatorIntents.MessageContent });
        discord.Options.Intents |= GatewayIntents.MessageContent;

        await discord.ConnectAndWaitForGuildAsync();
        var message = await discord.Emulator.PostMessageAsync(discord.User, discord.Channel, "the disk is full");

        var received = await discord.Events.WaitForAsync<MessageCreateEvent>(e => e.Message.Id.Value == message.Id);
        Assert.Equal("the disk is full", received.Message.Content);
        discord.AssertBrokeNoRules();
    }

    private static void AssertStoppedAfterOneConnection(LiveDiscord discord, int closeCode)
    {
        // Completion has ended, so no further attempt can follow: one connection, closed by Discord with the code.
        Assert.Equal(1, discord.Emulator.Gateway.ConnectionCount);
        var close = Assert.Single(discord.Emulator.Gateway.Closes);
        Assert.False(close.ByClient);
        Assert.Equal(closeCode, close.Code);
        Assert.Equal(0, discord.Emulator.Gateway.IdentifyCount);
        Assert.Empty(discord.Events.Events);
        // The emulator records the refused Identify as the (only) rule broken.
        Assert.Single(discord.Emulator.Violations);
    }
}
