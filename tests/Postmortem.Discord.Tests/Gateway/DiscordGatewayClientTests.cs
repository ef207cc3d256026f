using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientTests
{
    [Theory]
    [InlineData(41771983423143937UL, 16, 6)]
    [InlineData(175928847299117063UL, 16, 4)]
    [InlineData(175928847299117063UL, 3, 2)]
    [InlineData(175928847299117063UL, 1, 0)]
    public void GetShardId_UsesDiscordsFormula(ulong guildId, int shardCount, int expected) =>
        Assert.Equal(expected, DiscordGatewayClient.GetShardId(new Snowflake(guildId), shardCount));

    [Fact]
    public void StartRounds_MaxConcurrencyOne_StartsShardsOneByOneInOrder() =>
        Assert.Equal([[0], [1], [2]], DiscordGatewayClient.StartRounds([2, 0, 1], maxConcurrency: 1));

    [Fact]
    public void StartRounds_GroupsOneShardPerRateLimitKey()
    {
        var rounds = DiscordGatewayClient.StartRounds(Enumerable.Range(0, 5), maxConcurrency: 2);

        Assert.Equal([[0, 1], [2, 3], [4]], rounds);
    }

    [Fact]
    public void StartRounds_SparseShardIds_NeverPutTwoShardsOfOneKeyInARound()
    {
        var rounds = DiscordGatewayClient.StartRounds([0, 16, 1, 33], maxConcurrency: 16);

        Assert.Equal([[0, 1], [16, 33]], rounds);
    }

    [Fact]
    public async Task Start_RunsTheRecommendedShardCount_EachIdentifyingWithItsShard()
    {
        await using var server = new ScriptedGatewayServer();
        await using var client = CreateClient(GatewayBot(server, shards: 2, maxConcurrency: 2));

        await client.StartAsync(CancellationToken.None);
        var shards = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var connection = await server.AcceptAsync();
            await connection.SendHelloAsync();
            var shard = (await connection.ReceiveAsync(opcode: 2)).GetProperty("d").GetProperty("shard");
            Assert.Equal(2, shard[1].GetInt32());
            shards.Add(shard[0].GetInt32());
        }

        Assert.Equal([0, 1], shards.Order());
        Assert.Equal([0, 1], client.Shards.Select(s => s.ShardId));
    }

    [Fact]
    public async Task Start_WithConfiguredShards_RunsOnlyThoseOfTheConfiguredCount()
    {
        await using var server = new ScriptedGatewayServer();
        var options = new DiscordOptions { Token = ShardHarness.Token, ShardCount = 3 };
        options.ShardIds.Add(1);
        await using var client = CreateClient(GatewayBot(server, shards: 9, maxConcurrency: 1), options);

        await client.StartAsync(CancellationToken.None);
        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        var shard = (await connection.ReceiveAsync(opcode: 2)).GetProperty("d").GetProperty("shard");

        Assert.Equal([1, 3], shard.EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1, Assert.Single(client.Shards).ShardId);
    }

    [Fact]
    public async Task Start_TokenRejectedByRest_CompletesWithTheTokenMessage()
    {
        var rest = new Mock<IDiscordRestClient>();
        rest.Setup(r => r.GetGatewayBotAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DiscordHttpException(HttpStatusCode.Unauthorized, 0, "401: Unauthorized", [], "GET /gateway/bot"));
        await using var client = CreateClient(rest);

        await client.StartAsync(CancellationToken.None);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => client.Completion.WaitAsync(ScriptedGatewayServer.Timeout));
        Assert.StartsWith("Discord rejected the bot token", fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_GatewayInfoUnavailable_RetriesUntilDiscordAnswers()
    {
        await using var server = new ScriptedGatewayServer();
        var rest = GatewayBot(server, shards: 1, maxConcurrency: 1);
        rest.SetupSequence(r => r.GetGatewayBotAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DiscordRestException("GET /gateway/bot failed after 4 attempts: HttpRequestException"))
            .ReturnsAsync(Info(server, shards: 1, maxConcurrency: 1));
        await using var client = CreateClient(rest, gateway: new GatewayOptions { ReconnectDelayMin = TimeSpan.FromMilliseconds(5), TransportCompression = TransportCompression.None });

        await client.StartAsync(CancellationToken.None);

        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        await connection.ReceiveAsync(opcode: 2);
    }

    [Fact]
    public async Task FatalCloseOnOneShard_StopsEveryShard()
    {
        await using var server = new ScriptedGatewayServer();
        await using var client = CreateClient(GatewayBot(server, shards: 2, maxConcurrency: 2));
        await client.StartAsync(CancellationToken.None);
        var first = await server.AcceptAsync();
        var second = await server.AcceptAsync();
        await first.SendHelloAsync();
        await second.SendHelloAsync();
        await first.ReceiveAsync(opcode: 2);
        await second.ReceiveAsync(opcode: 2);

        await first.CloseAsync(4014);

        await Assert.ThrowsAsync<GatewayFatalException>(() => client.Completion.WaitAsync(ScriptedGatewayServer.Timeout));
        Assert.Equal(1000, await second.WaitForCloseAsync());
    }

    [Fact]
    public async Task Dispatches_ReachTheRegisteredHandlers_WithTheirShard()
    {
        await using var server = new ScriptedGatewayServer();
        var handler = new RecordingHandler();
        await using var client = CreateClient(GatewayBot(server, shards: 1, maxConcurrency: 1), handlers: [handler]);
        await client.StartAsync(CancellationToken.None);
        var connection = await server.AcceptAsync();
        await connection.SendHelloAsync();
        await connection.ReceiveAsync(opcode: 2);

        await connection.SendReadyAsync(1, "s", server.ResumeUrl);

        var ready = await handler.Events.NextAsync<ReadyEvent>();
        Assert.Equal(0, ready.ShardId);
        Assert.Equal("s", client.Shards[0].SessionId);
    }

    private static Mock<IDiscordRestClient> GatewayBot(ScriptedGatewayServer server, int shards, int maxConcurrency)
    {
        var rest = new Mock<IDiscordRestClient>();
        rest.Setup(r => r.GetGatewayBotAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Info(server, shards, maxConcurrency));
        return rest;
    }

    private static GatewayBotInfo Info(ScriptedGatewayServer server, int shards, int maxConcurrency) => new()
    {
        Url = server.Url,
        Shards = shards,
        SessionStartLimit = new SessionStartLimit { Total = 1000, Remaining = 999, ResetAfter = 14_400_000, MaxConcurrency = maxConcurrency },
    };

    private static DiscordGatewayClient CreateClient(
        Mock<IDiscordRestClient> rest, DiscordOptions? options = null, GatewayOptions? gateway = null, IGatewayEventHandler[]? handlers = null)
    {
        // The scripted server speaks plain text frames; compression is covered against the emulator.
        gateway ??= new GatewayOptions { TransportCompression = TransportCompression.None };
        var dispatcher = new GatewayEventDispatcher(handlers ?? [], Options.Create(gateway), NullLogger<GatewayEventDispatcher>.Instance);
        return new DiscordGatewayClient(
            rest.Object,
            dispatcher,
            Options.Create(options ?? new DiscordOptions { Token = ShardHarness.Token }),
            Options.Create(gateway),
            TimeProvider.System,
            NullLoggerFactory.Instance);
    }

    private sealed class RecordingHandler : IGatewayEventHandler
    {
        public RecordingSink Events { get; } = new();

        public ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken) => Events.PublishAsync(evt, cancellationToken);
    }
}
