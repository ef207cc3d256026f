using Postmortem.Discord.Gateway;
using Postmortem.Discord.Tests.Integration.Support;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>DiscordGatewayClient against the emulator's gateway: connecting, staying connected, and coming back.</summary>
public sealed class GatewayLifecycleTests
{
    // Our reconnects close with a code outside 1000/1001 so Discord keeps the session resumable.
    private const int ResumableCloseCode = 4900;

    [Fact]
    public async Task Connect_IdentifiesWithIntentsAndShard_ThenReadyAndGuildCreateArriveTyped()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);

        var ready = await discord.ConnectAndWaitForGuildAsync();

        var identify = Assert.Single(discord.Emulator.Gateway.Received, f => f.Op == 2).Data!;
        Assert.Equal((int)discord.Options.Intents, identify["intents"]!.GetValue<int>());
        Assert.Equal([0, 1], identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal(discord.Emulator.BotUser.Id, ready.Ready.User.Id.Value);
        Assert.False(string.IsNullOrEmpty(ready.Ready.SessionId));
        Assert.Equal(discord.Emulator.Gateway.ResumeUrl, ready.Ready.ResumeGatewayUrl);
        Assert.Equal(discord.Guild.Id, Assert.Single(ready.Ready.Guilds).Id.Value);
        var guild = discord.Events.OfType<GuildCreateEvent>().Single().Guild;
        Assert.Equal("Ops", guild.Name);
        Assert.Contains(guild.Channels, c => c.Id.Value == discord.Channel.Id && c.Name == "incidents");
        Assert.Equal(ready.Ready.SessionId, discord.Gateway.Shards.Single().SessionId);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task Heartbeats_CarryTheLastSequence_AndAreAcknowledged()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await discord.ConnectAndWaitForGuildAsync();
        var beatsSoFar = discord.Emulator.Gateway.HeartbeatCount;

        await discord.Emulator.Gateway.WaitForHeartbeatAsync(beatsSoFar + 2);

        // READY is #1 and GUILD_CREATE #2; a beat after both were handled reports 2.
        var last = discord.Emulator.Gateway.Received.Last(f => f.Op == 1);
        Assert.Equal(2, last.Data!.GetValue<int>());
        // A beat goes out only after the previous one was acknowledged; otherwise the client would have closed a
        // zombie connection. So the emulator's ACKs arrived, and the client measured a round trip.
        Assert.Empty(discord.Emulator.Gateway.Closes);
        Assert.Equal(1, discord.Emulator.Gateway.ConnectionCount);
        Assert.NotNull(discord.Gateway.Shards.Single().Latency);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task DroppedSocket_Resumes_AndEveryEventIsHandledExactlyOnce()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await discord.ConnectAndWaitForGuildAsync();
        var before = await PostAsync(discord, "before", 3);
        await WaitForMessagesAsync(discord, before);

        discord.Emulator.Gateway.DropConnections();
        var whileDown = await PostAsync(discord, "while down", 5);
        // Those posts took microseconds; reconnecting takes a TCP and websocket handshake. Had the resume already
        // happened, these events would have arrived live instead of being replayed, and the test would prove less.
        Assert.Equal(0, discord.Emulator.Gateway.ResumeCount);

        await discord.Emulator.Gateway.WaitForResumeAsync();
        var after = await PostAsync(discord, "after", 2);
        await WaitForMessagesAsync(discord, [.. before, .. whileDown, .. after]);
        await discord.Events.WaitForAsync<ResumedEvent>();

        var seen = discord.Events.OfType<MessageCreateEvent>().Select(e => e.Message.Id.Value).ToList();
        Assert.Equal([.. before, .. whileDown, .. after], seen);
        Assert.Equal(1, discord.Emulator.Gateway.IdentifyCount);
        Assert.Single(discord.Events.OfType<ReadyEvent>());
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task ReconnectRequest_ClosesResumably_AndResumes()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await discord.ConnectAndWaitForGuildAsync();

        discord.Emulator.Gateway.SendReconnect();

        await discord.Emulator.Gateway.WaitForResumeAsync();
        await AssertStillDeliversAsync(discord);
        var close = Assert.Single(discord.Emulator.Gateway.Closes);
        Assert.True(close.ByClient);
        Assert.Equal(ResumableCloseCode, close.Code);
        Assert.Equal(1, discord.Emulator.Gateway.IdentifyCount);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await discord.ConnectAndWaitForGuildAsync();

        discord.Emulator.Gateway.SendInvalidSession(resumable: true);

        await discord.Emulator.Gateway.WaitForResumeAsync();
        await AssertStillDeliversAsync(discord);
        Assert.Equal(1, discord.Emulator.Gateway.IdentifyCount);
        Assert.Single(discord.Events.OfType<ReadyEvent>());
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAfresh()
    {
        // Discord's own heartbeat interval (41.25 s): the 5 s jump below then cannot make a beat overdue while the
        // previous one awaits its ACK, which the client would rightly take for a zombie connection.
        await using var discord = await LiveDiscord.StartAsync();
        var first = await discord.ConnectAndWaitForGuildAsync();
        // Discord allows one identify per 5 s; let that window pass for the client and the emulator alike.
        discord.Clock.Jump(TimeSpan.FromSeconds(5));

        discord.Emulator.Gateway.SendInvalidSession(resumable: false);

        await discord.Emulator.Gateway.WaitForIdentifyAsync(2);
        var second = await discord.Events.WaitForAsync<ReadyEvent>(r => r.Ready.SessionId != first.Ready.SessionId, "a second READY");
        Assert.Equal(second.Ready.SessionId, discord.Gateway.Shards.Single().SessionId);
        Assert.Equal(0, discord.Emulator.Gateway.ResumeCount);
        await AssertStillDeliversAsync(discord);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task InvalidSession_RacingAHeartbeat_StillIdentifiesAfresh()
    {
        // Heartbeats every 200 ms and a 5 s jump: a beat falls due at the very moment op 9 goes out. It may reach the
        // emulator after op 9 (still carrying the old session's seq), or the client may take the jump for a zombie
        // connection and try to resume first. Either way it must end up in a fresh session, breaking no rule.
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        var first = await discord.ConnectAndWaitForGuildAsync();

        discord.Clock.Jump(TimeSpan.FromSeconds(5));
        discord.Emulator.Gateway.SendInvalidSession(resumable: false);

        await discord.Events.WaitForAsync<ReadyEvent>(r => r.Ready.SessionId != first.Ready.SessionId, "a second READY");
        await AssertStillDeliversAsync(discord);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task ZombieConnection_WhenAcksStop_IsClosedAndResumed()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await discord.ConnectAndWaitForGuildAsync();

        discord.Emulator.Gateway.StopAcknowledgingHeartbeats();

        await discord.Emulator.Gateway.WaitForResumeAsync();
        var close = Assert.Single(discord.Emulator.Gateway.Closes);
        Assert.True(close.ByClient);
        Assert.Equal(ResumableCloseCode, close.Code);
        Assert.Equal(1, discord.Emulator.Gateway.IdentifyCount);
        await AssertStillDeliversAsync(discord);
        discord.AssertBrokeNoRules();
    }

    private static async Task<List<ulong>> PostAsync(LiveDiscord discord, string text, int count)
    {
        var ids = new List<ulong>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await discord.Emulator.PostMessageAsync(discord.User, discord.Channel, $"{text} {i}")).Id);
        }

        return ids;
    }

    private static Task WaitForMessagesAsync(LiveDiscord discord, List<ulong> ids) =>
        discord.Events.WaitUntilAsync(
            events => ids.All(id => events.OfType<MessageCreateEvent>().Any(e => e.Message.Id.Value == id)),
            $"MESSAGE_CREATE for {ids.Count} messages");

    /// <summary>After coming back, a new event still reaches the handler.</summary>
    private static async Task AssertStillDeliversAsync(LiveDiscord discord)
    {
        var message = await discord.Emulator.PostMessageAsync(discord.User, discord.Channel, "still there?");
        await WaitForMessagesAsync(discord, [message.Id]);
    }
}
