using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Tests.Gateway;

/// <summary>The shard against a scripted gateway over real sockets on loopback.</summary>
public sealed class GatewayShardTests
{
    private const string SessionId = "session-1";
    private const string MessageInChannel = """
        {"id":"5000","channel_id":"4000","guild_id":"2000","author":{"id":"6000","username":"ana","discriminator":"0"},
         "content":"hello","timestamp":"2026-05-06T09:00:00.000000+00:00","type":0,"channel_type":11}
        """;

    [Fact]
    public async Task Identify_AfterHello_CarriesTokenIntentsPropertiesAndShard()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server, shardId: 1, shardCount: 3);

        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        var identify = await connection.ReceiveAsync(opcode: 2);

        Assert.Equal("/?v=10&encoding=json", connection.RequestTarget);
        var d = identify.GetProperty("d");
        Assert.Equal(ShardHarness.Token, d.GetProperty("token").GetString());
        Assert.Equal((int)harness.Options.Intents, d.GetProperty("intents").GetInt32());
        Assert.Equal([1, 3], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        var properties = d.GetProperty("properties");
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("os").GetString()));
        Assert.Equal("Postmortem.Discord", properties.GetProperty("browser").GetString());
        Assert.Equal("Postmortem.Discord", properties.GetProperty("device").GetString());
    }

    [Fact]
    public async Task Heartbeat_CarriesNullBeforeAnyDispatch_ThenTheLastSequence()
    {
        await using var server = new ScriptedGatewayServer();
        // Jitter 0: the first beat is due at once, then one every 50 ms.
        await using var harness = new ShardHarness(server, jitter: 0);

        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync(heartbeatIntervalMs: 50);
        var first = await connection.ReceiveHeartbeatAsync();
        Assert.Equal(JsonValueKind.Null, first.GetProperty("d").ValueKind);

        await connection.ReceiveAsync(opcode: 2);
        await connection.SendReadyAsync(1, SessionId, server.ResumeUrl);
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, MessageInChannel);
        await harness.Sink.NextAsync<MessageCreateEvent>();

        JsonElement beat;
        do
        {
            beat = await connection.ReceiveHeartbeatAsync();
        }
        while (beat.GetProperty("d").ValueKind == JsonValueKind.Null || beat.GetProperty("d").GetInt64() < 2);

        Assert.Equal(2, beat.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var server = new ScriptedGatewayServer();
        // The regular first beat would come after ~45 s, far beyond the test's timeout.
        await using var harness = new ShardHarness(server, jitter: 0.999);

        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync(heartbeatIntervalMs: 45_000);
        await connection.ReceiveAsync(opcode: 2);
        await connection.SendReadyAsync(1, SessionId, server.ResumeUrl);
        await harness.Sink.NextAsync<ReadyEvent>();

        await connection.SendAsync("""{"op":1,"d":null}""");

        var beat = await connection.ReceiveHeartbeatAsync();
        Assert.Equal(1, beat.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task DroppedSocket_ResumesAtResumeUrl_WithSessionAndLastSequence()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, MessageInChannel);
        await harness.Sink.NextAsync<MessageCreateEvent>();

        connection.Drop();

        var second = await server.AcceptAsync();
        Assert.Equal("/resume?v=10&encoding=json", second.RequestTarget);
        await second.SendHelloAsync();
        var resume = await second.ReceiveAsync();
        AssertResume(resume, expectedSequence: 2);
        Assert.DoesNotContain(harness.Logger.Lines, line => line.Contains(ShardHarness.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_ReplayedEventsAlreadyHandled_AreNotDeliveredTwice()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, MessageInChannel);
        await harness.Sink.NextAsync<MessageCreateEvent>();
        connection.Drop();

        var second = await server.AcceptAsync();
        await second.SendHelloAsync();
        await second.ReceiveAsync(opcode: 6);
        await second.SendDispatchAsync("MESSAGE_CREATE", 2, MessageInChannel);
        await second.SendDispatchAsync("MESSAGE_CREATE", 3, MessageInChannel.Replace("\"5000\"", "\"5001\"", StringComparison.Ordinal));
        await second.SendDispatchAsync("RESUMED", 4, "{}");

        var replayed = await harness.Sink.NextAsync();
        Assert.Equal(5001UL, Assert.IsType<MessageCreateEvent>(replayed).Message.Id.Value);
        Assert.IsType<ResumedEvent>(await harness.Sink.NextAsync());
        Assert.Equal(4, harness.Shard.Sequence);
    }

    [Fact]
    public async Task ReconnectRequest_ClosesKeepingTheSession_AndResumes()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);

        await connection.SendAsync("""{"op":7,"d":null}""");

        AssertResumableClose(await connection.WaitForCloseAsync());
        var second = await server.AcceptAsync();
        Assert.Equal("/resume?v=10&encoding=json", second.RequestTarget);
        await second.SendHelloAsync();
        AssertResume(await second.ReceiveAsync(), expectedSequence: 1);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);

        await connection.SendAsync("""{"op":9,"d":true}""");

        AssertResumableClose(await connection.WaitForCloseAsync());
        var second = await server.AcceptAsync();
        await second.SendHelloAsync();
        AssertResume(await second.ReceiveAsync(), expectedSequence: 1);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAgainAtTheGatewayUrl()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);

        await connection.SendAsync("""{"op":9,"d":false}""");
        harness.IdentifyClock.Advance(IdentifyGate.ConcurrencyWindow);

        await connection.WaitForCloseAsync();
        var second = await server.AcceptAsync();
        Assert.Equal("/?v=10&encoding=json", second.RequestTarget);
        await second.SendHelloAsync();
        Assert.Equal(2, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
        Assert.Null(harness.Shard.SessionId);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task CloseCode_SessionGone_IdentifiesAgain(int code)
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);

        await connection.CloseAsync(code);
        harness.IdentifyClock.Advance(IdentifyGate.ConcurrencyWindow);

        var second = await server.AcceptAsync();
        Assert.Equal("/?v=10&encoding=json", second.RequestTarget);
        await second.SendHelloAsync();
        Assert.Equal(2, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    public async Task CloseCode_Resumable_Resumes(int code)
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);

        await connection.CloseAsync(code);

        var second = await server.AcceptAsync();
        await second.SendHelloAsync();
        AssertResume(await second.ReceiveAsync(), expectedSequence: 1);
    }

    [Fact]
    public async Task ZombiedConnection_ClosesWithResumableCode_AndResumes()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server, jitter: 0);
        var connection = await server.AcceptAsync();
        connection.AcknowledgeHeartbeats = false;
        await connection.SendHelloAsync(heartbeatIntervalMs: 100);
        await connection.ReceiveAsync(opcode: 2);
        await connection.SendReadyAsync(1, SessionId, server.ResumeUrl);

        AssertResumableClose(await connection.WaitForCloseAsync());
        var second = await server.AcceptAsync();
        await second.SendHelloAsync();
        AssertResume(await second.ReceiveAsync(), expectedSequence: 1);
    }

    [Fact]
    public async Task AuthenticationFailed_StopsWithTheTokenMessage_AndNeverLogsTheToken()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        await connection.ReceiveAsync(opcode: 2);

        await connection.CloseAsync(4004);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Run.WaitAsync(ScriptedGatewayServer.Timeout));
        Assert.Equal(4004, fatal.CloseCode);
        Assert.Contains("Discord__Token", fatal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShardHarness.Token, fatal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logger.Lines, line => line.Contains(ShardHarness.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisallowedIntents_StopsNamingTheMessageContentIntent()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        await connection.ReceiveAsync(opcode: 2);

        await connection.CloseAsync(4014);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Run.WaitAsync(ScriptedGatewayServer.Timeout));
        Assert.Equal(
            "Discord refused a privileged intent: enable the Message Content intent for this bot in the Developer Portal (Bot -> Privileged Gateway Intents)",
            fatal.Message);
    }

    [Fact]
    public async Task UnknownAndMalformedPayloads_AreSkipped_AndTheConnectionCarriesOn()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);

        await connection.SendAsync("this is not json");
        await connection.SendAsync("""{"d":{}}""");
        await connection.SendAsync("""{"op":42,"d":{"surprise":true}}""");
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, """{"id":{"not":"a snowflake"}}""");
        await connection.SendDispatchAsync("BRAND_NEW_EVENT", 3, """{"answer":42,"nested":{"x":[1,2]}}""");
        await connection.SendDispatchAsync("MESSAGE_CREATE", 4, MessageInChannel);

        var unknown = Assert.IsType<UnknownDispatch>(await harness.Sink.NextAsync());
        Assert.Equal("BRAND_NEW_EVENT", unknown.Name);
        Assert.Equal(42, unknown.Raw.GetProperty("answer").GetInt32());
        Assert.IsType<MessageCreateEvent>(await harness.Sink.NextAsync());
        Assert.Equal(4, harness.Shard.Sequence);
        Assert.Contains(harness.Logger.Lines, line => line.Contains("malformed MESSAGE_CREATE", StringComparison.Ordinal));
        Assert.False(harness.Run.IsCompleted);
    }

    [Fact]
    public async Task LargeMessageInManyFrames_IsAssembled()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);
        var content = new string('x', 300_000);
        var data = MessageInChannel.Replace("\"hello\"", $"\"{content}\"", StringComparison.Ordinal);
        var dispatch = $$$"""{"op":0,"t":"MESSAGE_CREATE","s":2,"d":{{{data}}}}""";

        await connection.SendAsync(Encoding.UTF8.GetBytes(dispatch), chunkSize: 4096);

        var message = await harness.Sink.NextAsync<MessageCreateEvent>();
        Assert.Equal(content, message.Message.Content);
    }

    [Fact]
    public async Task Stop_ClosesNormally_SoDiscordEndsTheSession()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);

        await harness.StopAsync();

        Assert.Equal(1000, await connection.WaitForCloseAsync());
        await harness.Run.WaitAsync(ScriptedGatewayServer.Timeout);
    }

    [Fact]
    public async Task ServerThatNeverSaysHello_IsLeftAndRetried()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server, configure: o => o.HelloTimeout = TimeSpan.FromMilliseconds(100));

        var silent = await server.AcceptAsync();
        AssertResumableClose(await silent.WaitForCloseAsync());
        var second = await server.AcceptAsync();
        await second.SendHelloAsync();

        Assert.Equal(2, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task SendAsync_OnAReadySession_SendsTheCommand_AndRefusesOversizedOnesUnsent()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await ReadyAsync(server, harness);
        var oversized = new TestPresence("online", new string('x', GatewayPayload.MaxBytes));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.Shard.SendAsync(GatewayOpcode.PresenceUpdate, oversized, TestJsonContext.Default.TestPresence, CancellationToken.None).AsTask());
        await harness.Shard.SendAsync(
            GatewayOpcode.PresenceUpdate, new TestPresence("idle", "postmortems"), TestJsonContext.Default.TestPresence, CancellationToken.None);

        var sent = await connection.ReceiveAsync();
        Assert.Equal(3, sent.GetProperty("op").GetInt32());
        Assert.Equal("idle", sent.GetProperty("d").GetProperty("status").GetString());
    }

    [Fact]
    public async Task SendAsync_BeforeReady_IsRefused()
    {
        await using var server = new ScriptedGatewayServer();
        await using var harness = new ShardHarness(server);
        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        await connection.ReceiveAsync(opcode: 2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Shard.SendAsync(
            GatewayOpcode.PresenceUpdate, new TestPresence("idle", "x"), TestJsonContext.Default.TestPresence, CancellationToken.None).AsTask());
    }

    private static async Task<ScriptedConnection> ReadyAsync(ScriptedGatewayServer server, ShardHarness harness)
    {
        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        await connection.ReceiveAsync(opcode: 2);
        await connection.SendReadyAsync(1, SessionId, server.ResumeUrl);
        var ready = await harness.Sink.NextAsync<ReadyEvent>();
        Assert.Equal(SessionId, ready.Ready.SessionId);
        return connection;
    }

    private static void AssertResume(JsonElement payload, long expectedSequence)
    {
        Assert.Equal(6, payload.GetProperty("op").GetInt32());
        var d = payload.GetProperty("d");
        Assert.Equal(ShardHarness.Token, d.GetProperty("token").GetString());
        Assert.Equal(SessionId, d.GetProperty("session_id").GetString());
        Assert.Equal(expectedSequence, d.GetProperty("seq").GetInt64());
    }

    private static void AssertResumableClose(int? code)
    {
        Assert.NotNull(code);
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
    }
}

internal sealed record TestPresence(string Status, string Activity);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TestPresence))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
