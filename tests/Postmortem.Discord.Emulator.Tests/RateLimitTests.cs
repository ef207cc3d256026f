using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.Discord.Emulator.Tests;

public sealed class RateLimitTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task Bucket_SendsHeaders_AndServes429WhenExhausted()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        emulator.RateLimits.Set(CreateMessage, limit: 2, per: TimeSpan.FromSeconds(5));
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var path = $"channels/{channel.Id}/messages";

        var first = await rest.PostAsync(path, Json.Message("1"));
        var second = await rest.PostAsync(path, Json.Message("2"));
        var limited = await rest.PostAsync(path, Json.Message("3"));

        Assert.Equal(("2", "1", "5.000"), (first.Header("X-RateLimit-Limit"), first.Header("X-RateLimit-Remaining"), first.Header("X-RateLimit-Reset-After")));
        Assert.Equal("0", second.Header("X-RateLimit-Remaining"));
        Assert.Equal(first.Header("X-RateLimit-Bucket"), second.Header("X-RateLimit-Bucket"));
        Assert.NotNull(first.Header("X-RateLimit-Reset"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(5.0, limited.Json!["retry_after"]!.GetValue<double>());
        Assert.False(limited.Json["global"]!.GetValue<bool>());
        Assert.Equal(("user", "5"), (limited.Header("X-RateLimit-Scope"), limited.Header("Retry-After")));
        Assert.Null(limited.Header("X-RateLimit-Global"));
        Assert.Equal(2, channel.Messages.Count);
        Assert.Equal(CreateMessage, Assert.Single(emulator.RateLimitHits).Route);
    }

    [Fact]
    public async Task SharedBucket_NamesOneHashForItsRoutes_AndTheyDrawOnOneRemaining()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        const string edit = "PATCH /channels/{channel_id}/messages/{message_id}";
        emulator.RateLimits.Share(2, TimeSpan.FromSeconds(5), CreateMessage, edit);
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var path = $"channels/{channel.Id}/messages";

        var created = await rest.PostAsync(path, Json.Message("1"));
        var edited = await rest.PatchAsync($"{path}/{created.Json!["id"]!.GetValue<string>()}", Json.Message("1 edited"));
        var limited = await rest.PostAsync(path, Json.Message("2"));

        Assert.Equal(created.Header("X-RateLimit-Bucket"), edited.Header("X-RateLimit-Bucket"));
        Assert.Equal(("1", "0"), (created.Header("X-RateLimit-Remaining"), edited.Header("X-RateLimit-Remaining")));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
    }

    [Fact]
    public async Task Bucket_IsPerChannel_AndRefillsAfterTheWindow()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        emulator.RateLimits.Set(CreateMessage, limit: 1, per: TimeSpan.FromSeconds(5));
        var guild = emulator.CreateGuild("g");
        var a = guild.CreateTextChannel("a");
        var b = guild.CreateTextChannel("b");
        using var rest = new RawRest(emulator);

        await rest.PostAsync($"channels/{a.Id}/messages", Json.Message("a1"));
        var otherChannel = await rest.PostAsync($"channels/{b.Id}/messages", Json.Message("b1"));
        var limited = await rest.PostAsync($"channels/{a.Id}/messages", Json.Message("a2"));
        clock.Advance(TimeSpan.FromSeconds(5));
        var refilled = await rest.PostAsync($"channels/{a.Id}/messages", Json.Message("a3"));

        Assert.Equal(HttpStatusCode.OK, otherChannel.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(HttpStatusCode.OK, refilled.Status);
    }

    [Fact]
    public async Task IgnoringRetryAfter_IsAViolation()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        emulator.RateLimits.Set(CreateMessage, limit: 1, per: TimeSpan.FromSeconds(5));
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var path = $"channels/{channel.Id}/messages";
        await rest.PostAsync(path, Json.Message("1"));
        await rest.PostAsync(path, Json.Message("2"));
        Assert.Empty(emulator.Violations);

        clock.Advance(TimeSpan.FromSeconds(1));
        await rest.PostAsync(path, Json.Message("3"));

        Assert.Contains(emulator.Violations, v => v.Reason.Contains("retry_after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GlobalLimit_Serves429WithGlobalScope()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        emulator.RateLimits.SetGlobal(3, TimeSpan.FromSeconds(1));
        using var rest = new RawRest(emulator);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync("users/@me")).Status);
        }

        var limited = await rest.GetAsync("gateway/bot");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.True(limited.Json!["global"]!.GetValue<bool>());
        Assert.Equal(("true", "global"), (limited.Header("X-RateLimit-Global"), limited.Header("X-RateLimit-Scope")));
        Assert.True(Assert.Single(emulator.RateLimitHits).Global);
    }

    [Fact]
    public async Task GlobalLimit_DoesNotApplyToInteractionCallbacks()
    {
        var clock = new FakeTimeProvider();
        await using var bot = await BotHarness.StartAsync(new EmulatorOptions { Time = clock });
        var (handle, interaction) = await bot.RunStartAsync();
        bot.Emulator.RateLimits.SetGlobal(1, TimeSpan.FromSeconds(1));
        await bot.Rest.GetAsync("users/@me");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await bot.Rest.GetAsync("users/@me")).Status);

        var response = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = Json.Message("ok") });

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.NotNull(handle.Response);
    }

    [Fact]
    public async Task Set_WithAnUnknownRoute_Throws()
    {
        await using var emulator = await DiscordEmulator.StartAsync();

        Assert.Throws<ArgumentException>(() => emulator.RateLimits.Set("POST /channel/{id}/message", 1, TimeSpan.FromSeconds(1)));
    }
}
