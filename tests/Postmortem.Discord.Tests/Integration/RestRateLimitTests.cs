using System.Diagnostics;
using Postmortem.Discord.Models;
using Postmortem.Discord.Tests.Integration.Support;
using Xunit.Abstractions;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>DiscordRestClient against the emulator's rate limits: wait when Discord says so, never find out by a 429.</summary>
public sealed class RestRateLimitTests(ITestOutputHelper output)
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task ExhaustedBucket_IsWaitedOut_WithoutA429()
    {
        // Real time: a small bucket, so this also exercises the system clock's timers.
        await using var discord = await LiveDiscord.StartAsync();
        discord.Emulator.RateLimits.Set(CreateMessage, limit: 2, per: TimeSpan.FromMilliseconds(400));

        var sent = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => SendAsync(discord, $"update {i}")));

        Assert.Empty(discord.Emulator.RateLimitHits);
        Assert.Equal(7, discord.Channel.Messages.Count);
        Assert.Equal(sent.Select(m => m.Id.Value).Order(), discord.Channel.Messages.Select(m => m.Id));
        // 7 requests in buckets of 2 need 4 windows: the client waited for three resets. (Requests are stamped on
        // arrival, microseconds before the rate limiter sees them, hence the small tolerance.)
        var requests = discord.Emulator.RequestsTo(CreateMessage);
        Assert.True(requests[^1].At - requests[0].At >= TimeSpan.FromMilliseconds((3 * 400) - 10), "the client did not wait for the resets");
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task Burst_Of500MessagesToOneChannel_MeetsNo429()
    {
        // Discord's realistic limits (5 messages per 5 s per channel, 50 requests/s globally) on a clock running
        // 100x faster for the client and the emulator alike: 500 messages take 100 windows, 8+ warped minutes, ~5 s real.
        await using var discord = await LiveDiscord.StartAsync(speed: 100);
        var warpedStart = discord.Clock.GetUtcNow();
        var wall = Stopwatch.StartNew();

        var sends = Enumerable.Range(0, 500).Select(i => SendAsync(discord, $"timeline entry {i}")).ToList();
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromMinutes(1));

        wall.Stop();
        var warped = discord.Clock.GetUtcNow() - warpedStart;
        output.WriteLine($"500 messages: {wall.Elapsed.TotalSeconds:0.0} s real, {warped.TotalSeconds:0} s on the warped clock, "
                         + $"{discord.Emulator.RateLimitHits.Count} 429s");
        Assert.Empty(discord.Emulator.RateLimitHits);
        Assert.Equal(500, discord.Channel.Messages.Count);
        Assert.All(discord.Emulator.RequestsTo(CreateMessage), r => Assert.Equal(200, r.Status));
        Assert.True(warped >= TimeSpan.FromSeconds(99 * 5), $"500 messages at 5 per 5 s cannot take only {warped}");
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task Burst_ThatGoesOnWhileTheBucketIsLearned_MeetsNo429()
    {
        // The first answer names the route's bucket (X-RateLimit-Bucket). Requests queued before it and requests sent
        // after it are in the same Discord bucket and must still take turns.
        await using var discord = await LiveDiscord.StartAsync(speed: 100);
        var first = Enumerable.Range(0, 10).Select(i => SendAsync(discord, $"first wave {i}")).ToList();
        await Task.WhenAny(first);

        var second = Enumerable.Range(0, 10).Select(i => SendAsync(discord, $"second wave {i}")).ToList();
        await Task.WhenAll([.. first, .. second]).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(discord.Emulator.RateLimitHits);
        Assert.Equal(20, discord.Channel.Messages.Count);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task RoutesSharingABucket_ArePacedTogether_WithoutA429()
    {
        // Create and edit share one limit here; their answers name the same X-RateLimit-Bucket. Once each route has
        // been answered once, a mixed burst has to queue in one bucket or it overruns the shared Remaining.
        await using var discord = await LiveDiscord.StartAsync(speed: 20);
        discord.Emulator.RateLimits.Share(3, TimeSpan.FromSeconds(2), CreateMessage, "PATCH /channels/{channel_id}/messages/{message_id}");
        var target = await SendAsync(discord, "to be edited");
        await EditAsync(discord, target, "edited once");

        var burst = Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            SendAsync(discord, $"new {i}"),
            EditAsync(discord, target, $"edit {i}"),
        }).ToList();
        await Task.WhenAll(burst).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(discord.Emulator.RateLimitHits);
        Assert.Equal(7, discord.Channel.Messages.Count);
        // 14 requests at 3 per 2 s in one bucket need 5 windows: the client waited out four resets.
        var requests = discord.Emulator.Requests.Where(r => r.Key.Contains("/messages", StringComparison.Ordinal)).ToList();
        Assert.True(requests[^1].At - requests[0].At >= TimeSpan.FromSeconds(8) - TimeSpan.FromMilliseconds(10), "create and edit were paced as two buckets");
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task RouteRateLimit429_IsRetriedAfterRetryAfter()
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        discord.Emulator.RateLimits.Set(CreateMessage, limit: 1, per: TimeSpan.FromSeconds(2));
        using var other = new OtherProcess(discord.Emulator);
        await other.PostMessageAsync(discord.Channel.Id, "from another process");

        var message = await SendAsync(discord, "status update");

        var hit = Assert.Single(discord.Emulator.RateLimitHits);
        Assert.False(hit.Global);
        var requests = discord.Emulator.RequestsTo(CreateMessage);
        Assert.Equal([200, 429, 200], requests.Select(r => r.Status));
        Assert.True(requests[2].At - requests[1].At >= hit.RetryAfter, "retried before retry_after elapsed");
        Assert.Equal(message.Id.Value, discord.Channel.Messages[^1].Id);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task GlobalRateLimit429_IsRetriedAfterRetryAfter()
    {
        await using var discord = await LiveDiscord.StartAsync(speed: 10);
        discord.Emulator.RateLimits.SetGlobal(limit: 1, per: TimeSpan.FromSeconds(2));
        using var other = new OtherProcess(discord.Emulator);
        await other.GetCurrentUserAsync();

        var me = await discord.Rest.GetCurrentUserAsync();

        Assert.Equal(discord.Emulator.BotUser.Id, me.Id.Value);
        var hit = Assert.Single(discord.Emulator.RateLimitHits);
        Assert.True(hit.Global);
        var requests = discord.Emulator.RequestsTo("GET /users/@me");
        Assert.Equal([200, 429, 200], requests.Select(r => r.Status));
        Assert.True(requests[2].At - requests[1].At >= hit.RetryAfter, "retried before retry_after elapsed");
        discord.AssertBrokeNoRules();
    }

    private static Task<Message> SendAsync(LiveDiscord discord, string content) =>
        discord.Rest.CreateMessageAsync(new Snowflake(discord.Channel.Id), new MessagePayload { Content = content });

    private static Task<Message> EditAsync(LiveDiscord discord, Message message, string content) =>
        discord.Rest.EditMessageAsync(new Snowflake(discord.Channel.Id), message.Id, new MessagePayload { Content = content });
}
