using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Postmortem.Discord.Emulator;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Hosting;
using Postmortem.Discord.Tests.Integration.Support;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>The gateway with each transport compression setting, against the emulator over real sockets.</summary>
public sealed class TransportCompressionTests
{
    // Small frames, so GUILD_CREATE (and, compressed, several payloads) arrive in many websocket frames.
    private static readonly EmulatorOptions _smallFrames = LiveDiscord.GatewayDefaults with { GatewayFrameBytes = 256 };

    [Theory]
    [InlineData(TransportCompression.None, "")]
    [InlineData(TransportCompression.ZlibStream, "zlib-stream")]
    public async Task Gateway_WithEachCompression_ReadsMultiFramePayloads_AndResumesOnAFreshContext(TransportCompression compression, string query)
    {
        await using var discord = await LiveDiscord.StartAsync(_smallFrames);
        discord.GatewaySettings.TransportCompression = compression;
        for (var i = 0; i < 150; i++)
        {
            discord.Guild.CreateTextChannel($"incident-{i:000}-{Guid.NewGuid():N}");
        }

        await discord.ConnectAndWaitForGuildAsync();
        var guild = discord.Events.OfType<GuildCreateEvent>().Single().Guild;
        Assert.Equal(151, guild.Channels.Count);

        // op 7: the client closes, opens a new socket at resume_gateway_url and resumes. A zlib context carried over
        // from the old socket would fail on the first payload of the new one.
        discord.Emulator.Gateway.SendReconnect();
        await discord.Emulator.Gateway.WaitForResumeAsync();
        var message = await discord.Emulator.PostMessageAsync(discord.User, discord.Channel, new string('x', 1500));
        await discord.Events.WaitForAsync<MessageCreateEvent>(e => e.Message.Id.Value == message.Id, "the message after resuming");

        Assert.Equal([query, query], discord.Emulator.Gateway.Compressions);
        Assert.Equal(1, discord.Emulator.Gateway.IdentifyCount);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public void Default_IsZlibStream() =>
        Assert.Equal(TransportCompression.ZlibStream, new GatewayOptions().TransportCompression);

    [Fact]
    public async Task ZstdStream_IsRefusedAtStartup_WithOneClearLine()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Discord:Token"] = "abc";
        builder.Configuration["Discord:Gateway:TransportCompression"] = "ZstdStream";
        builder.Services.AddDiscordClient(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("zstd-stream", error.Message, StringComparison.Ordinal);
    }
}
