using System.Net;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Tests.Rest;

public sealed class DiscordErrorTests : IDisposable
{
    private readonly RestFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task CannotDmUser_SurfacesAsTypedError()
    {
        _f.Handler.Respond = _ => Responses.Error(HttpStatusCode.Forbidden, DiscordErrorCodes.CannotDmUser, "Cannot send messages to this user");

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            _f.Client.CreateMessageAsync(RestFixture.Channel(99), new MessagePayload { Content = "Your action item is due" }).Within());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(DiscordErrorCodes.CannotDmUser, error.Code);
        Assert.Equal("Cannot send messages to this user", error.DiscordMessage);
        Assert.Equal("POST /channels/{channel_id}/messages", error.Route);
        Assert.Contains("50007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidFormBody_FlattensNestedErrorsIntoFieldLines()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.BadRequest, TestPayloads.Text("error_50035_invalid_form_body.json"));

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            _f.Client.CreateMessageAsync(RestFixture.Channel(10), new MessagePayload { Content = "x" }).Within());

        Assert.Equal(DiscordErrorCodes.InvalidFormBody, error.Code);
        Assert.Equal(
            [
                "content: Must be 2000 or fewer in length. (BASE_TYPE_MAX_LENGTH)",
                "components[0].components[1].custom_id: Component custom id cannot be duplicated (COMPONENT_CUSTOM_ID_DUPLICATED)",
            ],
            error.FieldErrors);
        Assert.Contains("components[0].components[1].custom_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonJsonErrorBody_StillGivesStatus()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.Forbidden, "<html>Access denied</html>");

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => _f.Client.GetChannelAsync(RestFixture.Channel(10)).Within());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Null(error.Code);
    }

    [Fact]
    public async Task Tokens_NeverAppearInExceptionsOrLogs()
    {
        // Failures that certainly happened before Discord took the callback, so the final 10062 is an error.
        _f.Handler.Then(
            _ => Responses.TooManyRequests(0.5, global: false, scope: "shared"),
            _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        _f.Handler.Respond = _ => Responses.Error(HttpStatusCode.NotFound, DiscordErrorCodes.UnknownInteraction, "Unknown interaction");

        var call = _f.Client.RespondToInteractionAsync(new Snowflake(1300000000000000001), RestFixture.InteractionToken, InteractionResponse.DeferredMessage());
        Assert.Equal(DiscordRestClient.InteractionDeadline, await _f.Time.NextTimerAsync()); // the deadline guard
        _f.Time.Advance(await _f.Time.NextTimerAsync()); // 429 retry_after
        _f.Time.Advance(await _f.Time.NextTimerAsync()); // network error backoff
        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => call.Within());

        Assert.Equal(DiscordErrorCodes.UnknownInteraction, error.Code);
        Assert.Equal(3, _f.Handler.Requests.Count);
        foreach (var text in new[] { error.ToString(), _f.Logger.AllText })
        {
            Assert.DoesNotContain(RestFixture.InteractionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RestFixture.BotToken, text, StringComparison.Ordinal);
        }

        Assert.Contains("POST /interactions/{interaction_id}/{interaction_token}/callback", _f.Logger.AllText, StringComparison.Ordinal);
        Assert.Contains(_f.Logger.Entries, e => e.Text.Contains("retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unauthorized_StopsAllFurtherRequests()
    {
        _f.Handler.Respond = _ => Responses.Error(HttpStatusCode.Unauthorized, 0, "401: Unauthorized");

        var first = await Assert.ThrowsAsync<DiscordHttpException>(() => _f.Client.GetCurrentUserAsync().Within());
        var second = await Assert.ThrowsAsync<DiscordRestException>(() => _f.Client.GetCurrentUserAsync().Within());

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("401", second.Message, StringComparison.Ordinal);
        Assert.Single(_f.Handler.Requests);
        Assert.Contains(_f.Logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Unauthorized_OnAnInteractionWebhook_IsAboutThatTokenOnly()
    {
        _f.Handler.Then(_ => Responses.Error(HttpStatusCode.Unauthorized, 50027, "Invalid Webhook Token"));
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, """{"id":"1","username":"bot"}""");

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            _f.Client.CreateFollowupAsync(RestFixture.Application, RestFixture.InteractionToken, new MessagePayload { Content = "late" }).Within());
        var me = await _f.Client.GetCurrentUserAsync().Within();

        Assert.Equal(50027, error.Code);
        Assert.Equal("bot", me.Username);
    }
}
