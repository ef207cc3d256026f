using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

public sealed class GatewayTests
{
    private const int Guilds = 1, GuildMessages = 1 << 9, MessageContent = 1 << 15;

    [Fact]
    public async Task Connect_SendsHelloWithTheConfiguredInterval()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(1234) });
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);

        var hello = await gateway.ReceiveAsync();

        Assert.Equal(10, hello!["op"]!.GetValue<int>());
        Assert.Equal(1234, hello["d"]!["heartbeat_interval"]!.GetValue<int>());
        Assert.Null(hello["s"]);
        Assert.Null(hello["t"]);
    }

    [Fact]
    public async Task Connect_WithoutV10_Closes4012()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl, "?v=9&encoding=json");

        Assert.Equal(4012, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Identify_SendsReadyThenGuildCreate_WithSequenceNumbers()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("Ops");
        var channel = guild.CreateTextChannel("incidents");

        var (gateway, ready) = await RawGateway.IdentifyAsync(emulator, Guilds | GuildMessages);
        await using var _ = gateway;
        var guildCreate = await gateway.ReceiveDispatchAsync("GUILD_CREATE");

        var d = ready["d"]!;
        Assert.Equal(1, ready["s"]!.GetValue<int>());
        Assert.Equal(10, d["v"]!.GetValue<int>());
        Assert.Equal($"{emulator.BotUser.Id}", d["user"]!["id"]!.GetValue<string>());
        Assert.True(d["user"]!["bot"]!.GetValue<bool>());
        Assert.Equal(emulator.Gateway.ResumeUrl.ToString(), d["resume_gateway_url"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(d["session_id"]!.GetValue<string>()));
        Assert.Equal($"{emulator.ApplicationId}", d["application"]!["id"]!.GetValue<string>());
        var unavailable = Assert.Single(d["guilds"]!.AsArray())!;
        Assert.True(unavailable["unavailable"]!.GetValue<bool>());
        Assert.Equal(2, guildCreate["s"]!.GetValue<int>());
        Assert.Equal($"{channel.Id}", guildCreate["d"]!["channels"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, emulator.Gateway.IdentifyCount);
    }

    [Fact]
    public async Task Heartbeat_IsAcknowledged()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        var ack = await gateway.ReceiveAsync();

        Assert.Equal(11, ack!["op"]!.GetValue<int>());
        Assert.Equal(1, emulator.Gateway.HeartbeatCount);
    }

    [Fact]
    public async Task Resume_ReplaysMissedDispatchesThenSendsResumed()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("Ops");
        var (gateway, ready) = await RawGateway.IdentifyAsync(emulator, Guilds);
        var guildCreate = await gateway.ReceiveDispatchAsync("GUILD_CREATE");
        var lastSeq = guildCreate["s"]!.GetValue<int>();
        emulator.Gateway.DropConnections();
        await gateway.ReceiveCloseAsync();
        await gateway.DisposeAsync();

        var missed = guild.CreateTextChannel("created-while-away");
        await using var resumed = await RawGateway.ConnectAsync(emulator.Gateway.ResumeUrl);
        await resumed.ReceiveAsync();
        await resumed.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = ready["d"]!["session_id"]!.GetValue<string>(), ["seq"] = lastSeq },
        });
        var replayed = await resumed.ReceiveAsync();
        var done = await resumed.ReceiveAsync();

        Assert.Equal(("CHANNEL_CREATE", lastSeq + 1), (replayed!["t"]!.GetValue<string>(), replayed["s"]!.GetValue<int>()));
        Assert.Equal($"{missed.Id}", replayed["d"]!["id"]!.GetValue<string>());
        Assert.Equal(("RESUMED", lastSeq + 2), (done!["t"]!.GetValue<string>(), done["s"]!.GetValue<int>()));
        Assert.Equal(1, emulator.Gateway.ResumeCount);
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task Resume_OfAnUnknownSession_GetsInvalidSessionFalse()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.Gateway.ResumeUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = "nope", ["seq"] = 3 },
        });
        var answer = await gateway.ReceiveAsync();

        Assert.Equal(9, answer!["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Identify_WithABadToken_Closes4004()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(RawGateway.Identify("not-the-token", Guilds));

        Assert.Equal(4004, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Identify_WithAPrivilegedIntentNotEnabled_Closes4014()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(RawGateway.Identify(emulator.BotToken, Guilds | MessageContent));

        Assert.Equal(4014, await gateway.ReceiveCloseAsync());
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("MessageContent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identify_WithAPrivilegedIntentEnabled_IsReady()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { EnabledPrivilegedIntents = EmulatorIntents.MessageContent });

        var (gateway, ready) = await RawGateway.IdentifyAsync(emulator, Guilds | MessageContent);
        await using var _ = gateway;

        Assert.Equal("READY", ready["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identify_WithUndefinedIntentBits_Closes4013()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(RawGateway.Identify(emulator.BotToken, 1 << 30));

        Assert.Equal(4013, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Identify_Twice_Closes4005()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;

        await gateway.SendAsync(RawGateway.Identify(emulator.BotToken, Guilds));

        Assert.Equal(4005, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task PresenceUpdate_BeforeIdentify_Closes4003()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(new JsonObject { ["op"] = 3, ["d"] = new JsonObject { ["status"] = "online" } });

        Assert.Equal(4003, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task UnknownOpcode_Closes4001()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(new JsonObject { ["op"] = 42, ["d"] = null });

        Assert.Equal(4001, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task PayloadOver4096Bytes_Closes4002()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendTextAsync($$"""{"op":1,"d":null,"padding":"{{new string('x', 5000)}}"}""");

        Assert.Equal(4002, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task MoreThan120SendsPerMinute_Closes4008()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        for (var i = 0; i < 121; i++)
        {
            await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        }

        Assert.Equal(4008, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task MessageCreate_WithoutMessageContentIntent_HasEmptyContentUnlessItMentionsTheBot()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("Ops");
        var channel = guild.CreateTextChannel("incidents");
        var alice = emulator.CreateUser("alice");
        guild.AddMember(alice);
        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds | GuildMessages);
        await using var _ = gateway;

        await emulator.PostMessageAsync(alice, channel, "secret timeline");
        var hidden = await gateway.ReceiveDispatchAsync("MESSAGE_CREATE");
        await emulator.PostMessageAsync(alice, channel, $"{emulator.BotUser.Mention} hello");
        var mentioned = await gateway.ReceiveDispatchAsync("MESSAGE_CREATE");

        Assert.Equal("", hidden["d"]!["content"]!.GetValue<string>());
        Assert.Equal($"{guild.Id}", hidden["d"]!["guild_id"]!.GetValue<string>());
        Assert.NotNull(hidden["d"]!["member"]);
        Assert.Equal($"{emulator.BotUser.Mention} hello", mentioned["d"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResumingOnTheGatewayUrlInsteadOfResumeGatewayUrl_IsAViolation()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (gateway, ready) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await gateway.DisposeAsync();

        await using var again = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = ready["d"]!["session_id"]!.GetValue<string>(), ["seq"] = 1 },
        });
        await again.ReceiveDispatchAsync("RESUMED");

        Assert.Contains(emulator.Violations, v => v.Reason.Contains("resume_gateway_url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendInvalidSession_NotResumable_MakesTheSessionUnresumable()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (gateway, ready) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;

        emulator.Gateway.SendInvalidSession(resumable: false);
        var invalid = await gateway.ReceiveAsync();
        await using var resumed = await RawGateway.ConnectAsync(emulator.Gateway.ResumeUrl);
        await resumed.ReceiveAsync();
        await resumed.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = ready["d"]!["session_id"]!.GetValue<string>(), ["seq"] = 1 },
        });
        var answer = await resumed.ReceiveAsync();

        Assert.Equal((9, false), (invalid!["op"]!.GetValue<int>(), invalid["d"]!.GetValue<bool>()));
        Assert.Equal((9, false), (answer!["op"]!.GetValue<int>(), answer["d"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task SendReconnect_SendsOp7()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;

        emulator.Gateway.SendReconnect();
        JsonObject? payload;
        do
        {
            payload = await gateway.ReceiveAsync();
        }
        while (payload is not null && payload["op"]!.GetValue<int>() == 0);

        Assert.Equal(7, payload!["op"]!.GetValue<int>());
    }

    [Fact]
    public async Task StopAcknowledgingHeartbeats_LeavesHeartbeatsUnanswered()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();
        emulator.Gateway.StopAcknowledgingHeartbeats();

        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        await gateway.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = "unknown", ["seq"] = 0 },
        });
        var next = await gateway.ReceiveAsync();

        Assert.Equal(9, next!["op"]!.GetValue<int>());
        await emulator.Gateway.WaitForHeartbeatAsync(1);
    }

    [Fact]
    public async Task CloseWith4000_KeepsTheSessionResumable()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (gateway, ready) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;

        emulator.Gateway.CloseWith(4000);
        var code = await gateway.ReceiveCloseAsync();
        await using var resumed = await RawGateway.ConnectAsync(emulator.Gateway.ResumeUrl);
        await resumed.ReceiveAsync();
        await resumed.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = ready["d"]!["session_id"]!.GetValue<string>(), ["seq"] = 1 },
        });

        Assert.Equal(4000, code);
        await resumed.ReceiveDispatchAsync("RESUMED");
        await emulator.Gateway.WaitForResumeAsync(1);
    }
}
