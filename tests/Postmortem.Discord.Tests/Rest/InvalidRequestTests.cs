using System.Net;
using Microsoft.Extensions.Logging;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.Discord.Rest.RateLimiting;
using Postmortem.Testing;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>The invalid-request count (401/403/429 per 10 minutes) Discord bans an IP for, and the breaker under it.</summary>
public sealed class InvalidRequestTests
{
    private static readonly MessagePayload _hello = new() { Content = "hi" };

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, null, true)]
    [InlineData(HttpStatusCode.Forbidden, null, true)]
    [InlineData(HttpStatusCode.TooManyRequests, "user", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "global", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "shared", false)]
    [InlineData(HttpStatusCode.NotFound, null, false)]
    [InlineData(HttpStatusCode.BadRequest, null, false)]
    public void Counts_WhatDiscordCountsTowardTheBan(HttpStatusCode status, string? scope, bool counted) =>
        Assert.Equal(counted, InvalidRequestCounter.Counts(status, scope));

    [Fact]
    public void Counter_SlidesOverTenMinutes()
    {
        var time = new FakeTimeProvider();
        var counter = new InvalidRequestCounter(time);
        counter.Record();
        counter.Record();
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, counter.Record());

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, counter.Current); // the first two are ten minutes old now

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, counter.Current);
    }

    [Fact]
    public async Task Forbidden_And429_AreCountedAndWarnedOncePerThreshold_SharedScope429IsNot()
    {
        using var f = new RestFixture();
        f.Handler.Then(_ => Responses.TooManyRequests(1, global: false, scope: "shared"));
        f.Handler.Respond = _ => Responses.Error(HttpStatusCode.Forbidden, 50013, "Missing Permissions");
        var first = f.Client.CreateMessageAsync(RestFixture.Channel(0), _hello);
        f.Time.Advance(await f.Time.NextTimerAsync()); // the shared 429's retry_after, then a 403
        await Assert.ThrowsAsync<DiscordHttpException>(() => first.Within());

        var threshold = InvalidRequestGuard.Warnings[0];
        for (var channel = 1; channel < threshold - 1; channel++)
        {
            if (channel % f.GlobalPerSecond == 0)
            {
                f.Time.Advance(GlobalRateLimit.Window); // the global limit would hold the next request otherwise
            }

            await Assert.ThrowsAsync<DiscordHttpException>(() => f.Client.CreateMessageAsync(RestFixture.Channel(channel), _hello).Within());
        }

        f.Time.Advance(GlobalRateLimit.Window);

        // Counted so far: the first call's 403 (its shared 429 is not) and the loop's, threshold - 1 in all.
        Assert.DoesNotContain(f.Logger.Entries, e => e.Text.Contains("invalid requests", StringComparison.Ordinal));
        await Assert.ThrowsAsync<DiscordHttpException>(() => f.Client.CreateMessageAsync(RestFixture.Channel(threshold), _hello).Within());
        await Assert.ThrowsAsync<DiscordHttpException>(() => f.Client.CreateMessageAsync(RestFixture.Channel(threshold + 1), _hello).Within());

        var warning = Assert.Single(f.Logger.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("invalid requests", StringComparison.Ordinal));
        Assert.Contains($"past {threshold}", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breaker_WhenOpen_SpacesOrdinaryRequests_ButNeverInteractionResponses()
    {
        using var f = new RestFixture(o =>
        {
            o.RateLimits.BreakerThreshold = 2;
            o.RateLimits.BreakerSpacing = TimeSpan.FromSeconds(1);
        });
        f.Handler.Then(
            _ => Responses.Error(HttpStatusCode.Forbidden, 50013, "Missing Permissions"),
            _ => Responses.Error(HttpStatusCode.Forbidden, 50013, "Missing Permissions"));
        f.Handler.Respond = r => r.PathAndQuery.Contains("/callback", StringComparison.Ordinal)
            ? Responses.NoContent()
            : Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);
        await Assert.ThrowsAsync<DiscordHttpException>(() => f.Client.CreateMessageAsync(RestFixture.Channel(1), _hello).Within());
        await Assert.ThrowsAsync<DiscordHttpException>(() => f.Client.CreateMessageAsync(RestFixture.Channel(2), _hello).Within());

        await f.Client.CreateMessageAsync(RestFixture.Channel(3), _hello).Within(); // the first after opening takes the free slot
        var spaced = f.Client.CreateMessageAsync(RestFixture.Channel(4), _hello).Within();
        Assert.Equal(TimeSpan.FromSeconds(1), await f.Time.NextTimerAsync());
        Assert.Equal(3, f.Handler.Requests.Count);

        await f.Client.RespondToInteractionAsync(new Snowflake(9), RestFixture.InteractionToken, InteractionResponse.DeferredMessage()).Within();
        Assert.Equal(4, f.Handler.Requests.Count);
        Assert.False(spaced.IsCompleted);

        f.Time.Advance(TimeSpan.FromSeconds(1));
        await spaced;
        Assert.Equal(5, f.Handler.Requests.Count);
    }

    [Fact]
    public async Task Breaker_ClosesOnceTheFailuresAreTenMinutesOld()
    {
        using var f = new RestFixture(o => o.RateLimits.BreakerThreshold = 1);
        f.Handler.Then(_ => Responses.Error(HttpStatusCode.Forbidden, 50013, "Missing Permissions"));
        f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);
        await Assert.ThrowsAsync<DiscordHttpException>(() => f.Client.CreateMessageAsync(RestFixture.Channel(1), _hello).Within());

        f.Time.Advance(InvalidRequestCounter.Window);
        await f.Client.CreateMessageAsync(RestFixture.Channel(2), _hello).Within();
        await f.Client.CreateMessageAsync(RestFixture.Channel(3), _hello).Within();

        Assert.Equal(3, f.Handler.Requests.Count);
        Assert.False(f.Time.HasPendingTimerReport);
    }
}
