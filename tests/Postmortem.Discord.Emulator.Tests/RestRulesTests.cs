using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

public sealed class RestRulesTests
{
    [Fact]
    public async Task Request_WithoutAuthorization_Gets401Code0AndIsAViolation()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator, authorize: false);

        var response = await rest.GetAsync("users/@me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(0, response.Code);
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("missing Authorization", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordedRequests_NeverContainTheAuthorizationHeader()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var authorized = new RawRest(emulator);
        await authorized.GetAsync("users/@me");

        Assert.Single(emulator.Requests);
        Assert.DoesNotContain(emulator.Requests[0].Headers.Keys, k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(emulator.Requests[0].Headers.Values, v => v.Contains(emulator.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_WithoutUserAgent_IsRefused()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator, userAgent: null);

        var response = await rest.GetAsync("users/@me");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("User-Agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GatewayBot_ReturnsTheEmulatorsWebsocketAndSessionStartLimit()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator);

        var response = await rest.GetAsync("gateway/bot");

        Assert.Equal(emulator.GatewayUrl.ToString(), response.Json!["url"]!.GetValue<string>());
        Assert.Equal(1, response.Json["shards"]!.GetValue<int>());
        Assert.Equal(1, response.Json["session_start_limit"]!["max_concurrency"]!.GetValue<int>());
        Assert.Equal(1000, response.Json["session_start_limit"]!["remaining"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownRoute_Is404AndAViolation()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator);

        var response = await rest.GetAsync("channels/1/nonsense");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Single(emulator.Violations);
    }

    [Fact]
    public async Task FailNextRequests_ServesTheInjectedStatusThenRecovers()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator);
        emulator.FailNextRequests(1, 502);

        var failed = await rest.GetAsync("users/@me");
        var recovered = await rest.GetAsync("users/@me");

        Assert.Equal(HttpStatusCode.BadGateway, failed.Status);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Equal([502, 200], emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task CreateDm_ToAUserWhoRefusesDms_Opens_ButSendingGets403Code50007()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var user = emulator.CreateUser("bob", acceptsDms: false);
        using var rest = new RawRest(emulator);

        var dm = await rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var sent = await rest.PostAsync($"channels/{dm.Json!["id"]}/messages", Json.Message("hello"));

        Assert.Equal(1, dm.Json["type"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, sent.Status);
        Assert.Equal(50007, sent.Code);
        Assert.Empty(emulator.Dms(user));
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task CreateDm_ToAUserWhoAcceptsDms_DeliversTheMessage()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var user = emulator.CreateUser("carol");
        using var rest = new RawRest(emulator);

        var dm = await rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await rest.PostAsync($"channels/{dm.Json!["id"]}/messages", Json.Message("hello"));

        Assert.Equal("hello", Assert.Single(emulator.Dms(user)).Content);
    }
}
