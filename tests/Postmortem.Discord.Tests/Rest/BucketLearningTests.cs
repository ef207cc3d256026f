using System.Net;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>How the client learns buckets from X-RateLimit-Bucket before it ever needs a 429 to tell it.</summary>
public sealed class BucketLearningTests : IDisposable
{
    private static readonly MessagePayload _hello = new() { Content = "hi" };

    private readonly RestFixture _f = new();

    public void Dispose() => _f.Dispose();

    private Task<Message> Send(int channel) => _f.Client.CreateMessageAsync(RestFixture.Channel(channel), _hello).Within();

    private Task<Message> Edit(int channel) => _f.Client.EditMessageAsync(RestFixture.Channel(channel), new Snowflake(7), _hello).Within();

    [Fact]
    public async Task UnknownRoute_RequestsOnOtherMajors_WaitForTheHeadersOfTheOneInFlight()
    {
        var release = new TaskCompletionSource();
        _f.Handler.HoldResponsesUntil = release.Task;
        _f.Handler.Respond = _ => Responses.Ok(RestFixture.MessageJson, "msgs", remaining: 4, resetAfterSeconds: 5);

        var first = Send(10);
        await _f.Handler.NextRequestAsync();
        var second = Send(11); // another channel, so another bucket; but nobody knows the route's hash yet
        var third = Send(12);

        Assert.Single(_f.Handler.Requests);
        Assert.False(_f.Handler.HasUnseenRequest);

        release.SetResult();
        await Task.WhenAll(first, second, third);
        Assert.Equal(3, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task UnknownRoute_WhenTheProbeFails_TheNextRequestProbesInstead()
    {
        _f.Handler.Then(_ => Responses.Error(HttpStatusCode.BadRequest, 50035, "Invalid Form Body"));
        _f.Handler.Respond = _ => Responses.Ok(RestFixture.MessageJson, "msgs", remaining: 4, resetAfterSeconds: 5);

        await Assert.ThrowsAsync<DiscordHttpException>(() => Send(10));
        await Send(11);

        Assert.Equal(2, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task RouteWithoutRateLimitHeaders_IsNotProbedAgain()
    {
        var release = new TaskCompletionSource();
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);
        await Send(10);

        _f.Handler.HoldResponsesUntil = release.Task;
        var second = Send(11);
        var third = Send(12);
        await _f.Handler.NextRequestAsync();
        await _f.Handler.NextRequestAsync();
        await _f.Handler.NextRequestAsync();

        Assert.Equal(3, _f.Handler.Requests.Count); // both in flight at once
        release.SetResult();
        await Task.WhenAll(second, third);
    }

    [Fact]
    public async Task SharedBucket_LearntFromTheOtherRoute_IsPacedBeforeA429()
    {
        // Discord names one bucket for message create and edit in this channel, with one request left in it.
        _f.Handler.Then(
            _ => Responses.Ok(RestFixture.MessageJson, "shared", remaining: 1, resetAfterSeconds: 3),
            _ => Responses.Ok(RestFixture.MessageJson, "shared", remaining: 0, resetAfterSeconds: 3));
        _f.Handler.Respond = _ => Responses.Ok(RestFixture.MessageJson, "shared", remaining: 4, resetAfterSeconds: 5);
        await Send(10);
        await Edit(10); // the edit route's first response names the same bucket, now spent

        var create = Send(10);
        var edit = Edit(10);

        Assert.Equal(TimeSpan.FromSeconds(3) + _f.Margin, await _f.Time.NextTimerAsync());
        Assert.Equal(2, _f.Handler.Requests.Count);
        Assert.False(create.IsCompleted || edit.IsCompleted);

        _f.Time.Advance(TimeSpan.FromSeconds(3) + _f.Margin);
        await Task.WhenAll(create, edit);
        Assert.Equal(4, _f.Handler.Requests.Count);
    }

    [Fact]
    public async Task InteractionCallbacks_AreNeverHeldToProbeTheirRoute()
    {
        var release = new TaskCompletionSource();
        _f.Handler.HoldResponsesUntil = release.Task;
        _f.Handler.Respond = _ => Responses.NoContent();

        var first = _f.Client.RespondToInteractionAsync(new Snowflake(1), "token-one", InteractionResponse.DeferredMessage()).Within();
        var second = _f.Client.RespondToInteractionAsync(new Snowflake(2), "token-two", InteractionResponse.DeferredMessage()).Within();
        await _f.Handler.NextRequestAsync();
        await _f.Handler.NextRequestAsync();

        Assert.Equal(2, _f.Handler.Requests.Count);
        release.SetResult();
        await Task.WhenAll(first, second);
    }
}
