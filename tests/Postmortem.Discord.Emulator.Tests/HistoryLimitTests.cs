using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.Discord.Emulator.Tests;

/// <summary>The recorded history is a ring of the last HistoryLimit entries; live state stays whatever the limit.</summary>
public sealed class HistoryLimitTests
{
    [Theory]
    [InlineData(3, 3)]
    [InlineData(null, 5)]
    public async Task Requests_KeepTheLastHistoryLimit_AndCountEveryOne(int? limit, int kept)
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { HistoryLimit = limit });
        var channel = emulator.CreateGuild("Ops").CreateTextChannel("incidents");
        using var rest = new RawRest(emulator);

        for (var i = 0; i < 5; i++)
        {
            await rest.GetAsync($"/channels/{channel.Id}?n={i}");
        }

        Assert.Equal(5, emulator.RequestCount);
        Assert.Equal(kept, emulator.Requests.Count);
        Assert.EndsWith("?n=4", emulator.Requests[^1].Path, StringComparison.Ordinal);
        Assert.EndsWith($"?n={5 - kept}", emulator.Requests[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInteractionPastTheLimit_WhoseTokenLives_IsStillAnswerable_ButDropsItsRecordedPayload()
    {
        var clock = new FakeTimeProvider();
        await using var bot = await BotHarness.StartAsync(new EmulatorOptions { Time = clock, HistoryLimit = 1 });
        var (first, firstPayload) = await bot.RunStartAsync();
        var (second, _) = await bot.RunStartAsync();

        var late = await bot.RespondAsync(firstPayload, new JsonObject { ["type"] = 5 });

        Assert.Equal(HttpStatusCode.NoContent, late.Status);
        Assert.True((await first.ResponseAsync()).IsDeferred);
        Assert.Empty(first.Payload);
        Assert.NotEmpty(second.Payload);
        bot.Emulator.ThrowIfViolations();
    }

    [Fact]
    public async Task AnInteractionPastTheLimit_WhoseTokenExpired_IsForgotten_WithItsEphemeralMessages()
    {
        var clock = new FakeTimeProvider();
        await using var bot = await BotHarness.StartAsync(new EmulatorOptions { Time = clock, HistoryLimit = 1 });
        var (first, firstPayload) = await bot.RunStartAsync();
        await bot.RespondAsync(firstPayload, new JsonObject
        {
            ["type"] = 4,
            ["data"] = new JsonObject { ["content"] = "only you can see this", ["flags"] = 64 },
        });
        var ephemeral = Assert.Single(first.Messages);
        var posted = await bot.Emulator.PostMessageAsync(bot.User, bot.Channel, "a public message stays");
        Assert.NotNull(bot.Emulator.FindMessage(ephemeral.Id));

        clock.Advance(bot.Emulator.Options.InteractionTokenLifetime + TimeSpan.FromSeconds(1));
        await bot.RunStartAsync();

        Assert.Null(bot.Emulator.FindMessage(ephemeral.Id));
        Assert.DoesNotContain(bot.Channel.Messages, m => m.Id == ephemeral.Id);
        Assert.Contains(bot.Channel.Messages, m => m.Id == posted.Id);
    }
}
