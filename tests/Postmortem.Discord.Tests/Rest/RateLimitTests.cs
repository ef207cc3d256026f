using System.Net;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.Discord.Rest.RateLimiting;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>Rate limiting against a fake Discord and a clock that only moves when told to.</summary>
public sealed class RateLimitTests : IDisposable
{
    private static readonly MessagePayload _hello = new() { Content = "hi" };

    private readonly RestFixture _f = new();

    public void Dispose() => _f.Dispose();

    private Task<Message> Send(int channel) => _f.Client.CreateMessageAsync(RestFixture.Channel(channel), _hello).Within();

    [Fact]
    public async Task Bucket_WhenRemainingIsZero_WaitsForResetAfterBeforeTheNextRequest()
    {
        _f.Handler.Respond = _ => Responses.Ok(RestFixture.MessageJson, "msgs", remaining: 0, resetAfterSeconds: 2.5);
        await Send(10);

        var second = Send(10);

        Assert.Equal(TimeSpan.FromSeconds(2.5) + _f.Margin, await _f.Time.NextTimerAsync());
        Assert.Single(_f.Handler.Requests);
        Assert.False(second.IsCompleted);

        _f.Time.Advance(TimeSpan.FromSeconds(2.5) + _f.Margin);
        await second.Within();
        Assert.Equal(2, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task Bucket_IsScopedToTheMajorParameter()
    {
        _f.Handler.Respond = _ => Responses.Ok(RestFixture.MessageJson, "msgs", remaining: 0, resetAfterSeconds: 5);
        await Send(10);

        await Send(11); // another channel: its own bucket, no wait

        Assert.Equal(2, _f.Handler.Requests.Count);
        Assert.False(_f.Time.HasPendingTimerReport);
    }

    [Fact]
    public async Task Bucket_IsSharedByRoutesWithTheSameHash()
    {
        _f.Handler.Then(
            _ => Responses.Ok(RestFixture.MessageJson, "shared", remaining: 1, resetAfterSeconds: 2),
            _ => Responses.Ok(RestFixture.MessageJson, "shared", remaining: 0, resetAfterSeconds: 2));
        await _f.Client.GetMessageAsync(RestFixture.Channel(10), new Snowflake(1)).Within();
        await _f.Client.EditMessageAsync(RestFixture.Channel(10), new Snowflake(2), _hello).Within(); // another route, same bucket hash

        var third = _f.Client.GetMessageAsync(RestFixture.Channel(10), new Snowflake(3)).Within();

        Assert.Equal(TimeSpan.FromSeconds(2) + _f.Margin, await _f.Time.NextTimerAsync());
        Assert.Equal(2, _f.Handler.Requests.Count);
        _f.Time.Advance(TimeSpan.FromSeconds(2) + _f.Margin);
        await third.Within();
    }

    [Fact]
    public async Task Burst_InOneBucket_IsSerialisedSoItNeverOverrunsTheBucket()
    {
        var release = new TaskCompletionSource();
        _f.Handler.HoldResponsesUntil = release.Task;
        _f.Handler.Respond = _ => Responses.Ok(RestFixture.MessageJson, "msgs", remaining: 0, resetAfterSeconds: 1);

        // Both start before Discord has said anything about the bucket; the first is still in flight.
        var first = Send(10);
        var second = Send(10);
        await _f.Handler.NextRequestAsync();
        Assert.Single(_f.Handler.Requests);

        release.SetResult();
        await first;
        Assert.Equal(TimeSpan.FromSeconds(1) + _f.Margin, await _f.Time.NextTimerAsync());
        Assert.Single(_f.Handler.Requests);

        _f.Time.Advance(TimeSpan.FromSeconds(1) + _f.Margin);
        await second;
        Assert.Equal(2, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task RouteRateLimit429_WaitsRetryAfterAndRetries_WithoutBlockingOtherBuckets()
    {
        _f.Handler.Then(_ => Responses.TooManyRequests(1.5, global: false, scope: "user"));
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        var limited = Send(10);
        Assert.Equal(TimeSpan.FromSeconds(1.5) + _f.Margin, await _f.Time.NextTimerAsync());

        await Send(11);
        Assert.Equal(2, _f.Handler.Requests.Count);
        Assert.False(limited.IsCompleted);

        _f.Time.Advance(TimeSpan.FromSeconds(1.5) + _f.Margin);
        await limited.Within();
        Assert.Equal(3, _f.Handler.Requests.Count);
        Assert.Contains(_f.Logger.Entries, e => e.Text.Contains("rate limited (user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GlobalRateLimit429_BlocksEveryOtherRoute_ButNotInteractionCallbacks()
    {
        _f.Handler.Then(_ => Responses.TooManyRequests(2, global: true, scope: "global"));
        _f.Handler.Respond = r => r.PathAndQuery.Contains("/callback", StringComparison.Ordinal)
            ? Responses.NoContent()
            : Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        var limited = Send(10);
        Assert.Equal(TimeSpan.FromSeconds(2) + _f.Margin, await _f.Time.NextTimerAsync());

        var other = Send(11);
        Assert.Equal(TimeSpan.FromSeconds(2) + _f.Margin, await _f.Time.NextTimerAsync());
        Assert.Single(_f.Handler.Requests);

        await _f.Client.RespondToInteractionAsync(new Snowflake(1300000000000000001), RestFixture.InteractionToken, InteractionResponse.DeferredMessage()).Within();
        Assert.Equal(2, _f.Handler.Requests.Count);

        _f.Time.Advance(TimeSpan.FromSeconds(2) + _f.Margin);
        await Task.WhenAll(limited, other).Within();
        Assert.Equal(4, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task GlobalGate_AllowsTheConfiguredRateWithHeadroomUnder50_AndInteractionEndpointsBypassIt()
    {
        _f.Handler.Respond = r => r.PathAndQuery.Contains("/callback", StringComparison.Ordinal)
            ? Responses.NoContent()
            : Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        // One request per bucket: the global limit is the only thing in the way.
        var rate = _f.GlobalPerSecond;
        Assert.InRange(rate, 40, 49);
        await Task.WhenAll(Enumerable.Range(0, rate).Select(Send)).Within();
        Assert.Equal(rate, _f.Handler.Requests.Count);

        var oneTooMany = Send(rate);
        Assert.Equal(GlobalRateLimit.Window, await _f.Time.NextTimerAsync());
        Assert.Equal(rate, _f.Handler.Requests.Count);

        await _f.Client.RespondToInteractionAsync(new Snowflake(1300000000000000001), RestFixture.InteractionToken, InteractionResponse.DeferredUpdate()).Within();
        await _f.Client.CreateFollowupAsync(RestFixture.Application, RestFixture.InteractionToken, _hello).Within();
        Assert.Equal(rate + 2, _f.Handler.Requests.Count);
        Assert.False(oneTooMany.IsCompleted);

        _f.Time.Advance(GlobalRateLimit.Window);
        await oneTooMany.Within();
        Assert.Equal(rate + 3, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task GlobalGate_CountsARequestFromItsAnswer_SoAStallCannotBunchTwoSecondsIntoOne()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);
        await Send(0); // the route is known now, so the rest go out together
        await _f.Handler.NextRequestAsync();
        _f.Time.Advance(GlobalRateLimit.Window);
        var release = new TaskCompletionSource();
        _f.Handler.HoldResponsesUntil = release.Task;

        var rate = _f.GlobalPerSecond;
        var inFlight = Enumerable.Range(1, rate).Select(Send).ToList();
        for (var i = 0; i < rate; i++)
        {
            await _f.Handler.NextRequestAsync();
        }

        var next = Send(rate + 1);
        _f.Time.Advance(TimeSpan.FromSeconds(5)); // long after they were sent, but none has been answered
        Assert.False(_f.Handler.HasUnseenRequest);

        release.SetResult();
        await Task.WhenAll(inFlight);
        Assert.Equal(GlobalRateLimit.Window, await _f.Time.NextTimerAsync());
        Assert.False(_f.Handler.HasUnseenRequest);
        _f.Time.Advance(GlobalRateLimit.Window);
        await next;
        Assert.Equal(rate + 2, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task InteractionCallbacks_DoNotQueueBehindEachOther()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.NoContent, "", Responses.Bucket("callback", remaining: 0, resetAfterSeconds: 5));

        await _f.Client.RespondToInteractionAsync(new Snowflake(1), "token-one", InteractionResponse.DeferredMessage()).Within();
        await _f.Client.RespondToInteractionAsync(new Snowflake(2), "token-two", InteractionResponse.DeferredMessage()).Within();

        Assert.Equal(2, _f.Handler.Requests.Count);
        // No wait for the exhausted bucket: the only timers are each callback's 3-second deadline guard.
        Assert.Equal([DiscordRestClient.InteractionDeadline, DiscordRestClient.InteractionDeadline], _f.Time.TakeReports());
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithGrowingJitteredBackoff_UpToTheBound()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        var call = Send(10);
        for (var retry = 1; retry <= DiscordRestClient.MaxRetries; retry++)
        {
            var delay = await _f.Time.NextTimerAsync();
            var floor = DiscordRestClient.RetryBaseDelay * Math.Pow(2, retry - 1);
            Assert.InRange(delay, floor, floor * 1.5);
            Assert.Equal(retry, _f.Handler.Requests.Count);
            _f.Time.Advance(delay);
        }

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => call.Within());
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(DiscordRestClient.MaxRetries + 1, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task NetworkErrorsAndTimeouts_AreRetried_ThenTheCallSucceeds()
    {
        _f.Handler.Then(
            _ => throw new HttpRequestException("Connection refused"),
            _ => throw new TaskCanceledException("timeout", new TimeoutException()));
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        var call = Send(10);
        _f.Time.Advance(await _f.Time.NextTimerAsync());
        _f.Time.Advance(await _f.Time.NextTimerAsync());

        Assert.Equal("ok", (await call.Within()).Content);
        Assert.Equal(3, _f.Handler.Requests.Count);
        // Retries of a create message reuse the nonce, so Discord can drop a duplicate.
        Assert.Single(_f.Handler.Requests.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)!["nonce"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task NetworkErrors_BeyondTheBound_ThrowDiscordRestException()
    {
        _f.Handler.Respond = _ => throw new HttpRequestException("Connection refused");

        var call = Send(10);
        for (var retry = 1; retry <= DiscordRestClient.MaxRetries; retry++)
        {
            _f.Time.Advance(await _f.Time.NextTimerAsync());
        }

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => call.Within());
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains("POST /channels/{channel_id}/messages", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 50035)]
    [InlineData(HttpStatusCode.Forbidden, 50013)]
    [InlineData(HttpStatusCode.NotFound, 10003)]
    public async Task ClientErrors_AreNotRetried(HttpStatusCode status, int code)
    {
        _f.Handler.Respond = _ => Responses.Error(status, code, "nope");

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => Send(10));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.Code);
        Assert.Single(_f.Handler.Requests);
        Assert.False(_f.Time.HasPendingTimerReport);
    }

    [Fact]
    public async Task Cancellation_StopsAWaitingRequest()
    {
        _f.Handler.Respond = _ => Responses.Ok(RestFixture.MessageJson, "msgs", remaining: 0, resetAfterSeconds: 30);
        await Send(10);
        using var cancel = new CancellationTokenSource();

        var waiting = _f.Client.CreateMessageAsync(RestFixture.Channel(10), _hello, cancel.Token);
        await _f.Time.NextTimerAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        Assert.Single(_f.Handler.Requests);
    }
}
