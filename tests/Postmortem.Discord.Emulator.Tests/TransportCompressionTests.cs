using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

/// <summary>The gateway's compress parameter (events/gateway.mdx "Transport Compression").</summary>
public sealed class TransportCompressionTests
{
    [Fact]
    public async Task None_SendsTextFrames()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);

        var hello = await gateway.ReceiveAsync();

        Assert.Equal(10, hello!["op"]!.GetValue<int>());
        Assert.Equal(WebSocketMessageType.Text, gateway.LastType);
    }

    [Fact]
    public async Task ZlibStream_SendsBinaryPayloadsEndingInSyncFlush_ThroughOneContext_SplitIntoFrames()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { GatewayFrameBytes = 128 });
        var guild = emulator.CreateGuild("Ops");
        for (var i = 0; i < 100; i++)
        {
            guild.CreateTextChannel($"incident-{i}-{Guid.NewGuid():N}");
        }

        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl, "?v=10&encoding=json&compress=zlib-stream");
        var hello = await gateway.ReceiveAsync(); // RawGateway checks the 00 00 FF FF suffix of every payload
        Assert.Equal(10, hello!["op"]!.GetValue<int>());
        Assert.Equal(WebSocketMessageType.Binary, gateway.LastType);

        await gateway.SendAsync(RawGateway.Identify(emulator.BotToken, 1));
        await gateway.ReceiveDispatchAsync("READY");
        var guildCreate = await gateway.ReceiveDispatchAsync("GUILD_CREATE");

        Assert.Equal(100, guildCreate["d"]!["channels"]!.AsArray().Count);
        Assert.True(gateway.LastFrames > 1, $"GUILD_CREATE came in {gateway.LastFrames} frame(s)");
        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 2 });
        Assert.Equal(11, (await gateway.ReceiveAsync())!["op"]!.GetValue<int>());
        Assert.Equal(["zlib-stream"], emulator.Gateway.Compressions);
        emulator.ThrowIfViolations();
    }

    [Fact]
    public async Task ZstdStream_IsRefusedBeforeHello_SayingWhy()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl, "?v=10&encoding=json&compress=zstd-stream");

        Assert.Equal(4002, await gateway.ReceiveCloseAsync());
        Assert.Contains("zlib-stream", gateway.CloseDescription, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Gateway.HeartbeatCount);
    }
}
