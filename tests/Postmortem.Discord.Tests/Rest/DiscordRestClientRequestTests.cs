using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>What goes over the wire for each call.</summary>
public sealed class DiscordRestClientRequestTests : IDisposable
{
    private readonly RestFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static JsonNode Body(RecordedRequest request) => JsonNode.Parse(request.Body)!;

    [Fact]
    public async Task Requests_CarryBotAuthorizationAndUserAgent_UnderTheVersionedBase()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, """{"id":"1200000000000000001","username":"Postmortem Bot","bot":true}""");

        var me = await _f.Client.GetCurrentUserAsync().Within();

        var request = Assert.Single(_f.Handler.Requests);
        Assert.Equal("/api/v10/users/@me", request.PathAndQuery);
        Assert.Equal("Bot " + RestFixture.BotToken, request.Authorization);
        Assert.StartsWith("DiscordBot (", request.UserAgent, StringComparison.Ordinal);
        Assert.True(me.Bot);
    }

    [Fact]
    public async Task CreateMessage_WithoutAllowedMentions_PingsNobody_AndSendsANonce()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        await _f.Client.CreateMessageAsync(RestFixture.Channel(10), new MessagePayload { Content = "@everyone <@1000000000000000001>" }).Within();

        var request = Assert.Single(_f.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v10/channels/1100000000000000010/messages", request.PathAndQuery);
        Assert.Equal("application/json", request.ContentType);
        var body = Body(request);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[]}"""), body["allowed_mentions"]));
        Assert.False(string.IsNullOrEmpty(body["nonce"]!.GetValue<string>()));
        Assert.True(body["enforce_nonce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateMessage_WithExplicitAllowedMentions_SendsThem()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        await _f.Client.CreateMessageAsync(RestFixture.Channel(10), new MessagePayload
        {
            Content = "<@1000000000000000001> your turn",
            AllowedMentions = AllowedMentions.OnlyUsers(new Snowflake(1000000000000000001)),
        }).Within();

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"parse":[],"users":["1000000000000000001"]}"""),
            Body(Assert.Single(_f.Handler.Requests))["allowed_mentions"]));
    }

    [Fact]
    public async Task InteractionCallback_PostsToTheCallbackRoute_WithNoPingsByDefault()
    {
        _f.Handler.Respond = _ => Responses.NoContent();

        await _f.Client.RespondToInteractionAsync(new Snowflake(1300000000000000001), RestFixture.InteractionToken,
            InteractionResponse.Message(new MessagePayload { Content = "Started", Flags = MessageFlags.Ephemeral })).Within();

        var request = Assert.Single(_f.Handler.Requests);
        Assert.Equal($"/api/v10/interactions/1300000000000000001/{RestFixture.InteractionToken}/callback", request.PathAndQuery);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":4,"data":{"content":"Started","allowed_mentions":{"parse":[]},"flags":64}}"""),
            Body(request)));
    }

    [Fact]
    public async Task Followups_UseTheApplicationWebhookRoutes()
    {
        _f.Handler.Respond = r => r.Method == HttpMethod.Delete ? Responses.NoContent() : Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);
        var interaction = new Interaction { Id = new Snowflake(1300000000000000001), ApplicationId = RestFixture.Application, Token = RestFixture.InteractionToken };

        await _f.Client.EditOriginalResponseAsync(interaction, new MessagePayload { Content = "Done" }).Within();
        await _f.Client.CreateFollowupAsync(interaction, new MessagePayload { Content = "More" }).Within();
        await _f.Client.EditFollowupAsync(RestFixture.Application, RestFixture.InteractionToken, new Snowflake(1500000000000000001), new MessagePayload { Components = [] }).Within();
        await _f.Client.DeleteFollowupAsync(RestFixture.Application, RestFixture.InteractionToken, new Snowflake(1500000000000000001)).Within();

        var prefix = $"/api/v10/webhooks/1200000000000000001/{RestFixture.InteractionToken}";
        Assert.Collection(
            _f.Handler.Requests,
            r => Assert.Equal((HttpMethod.Patch, prefix + "/messages/@original"), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Post, prefix), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Patch, prefix + "/messages/1500000000000000001"), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Delete, prefix + "/messages/1500000000000000001"), (r.Method, r.PathAndQuery)));
        Assert.All(_f.Handler.Requests.Take(3), r => Assert.NotNull(Body(r)["allowed_mentions"]));
        // An edit that clears the components sends an empty list, and nothing it does not change.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"components":[],"allowed_mentions":{"parse":[]}}"""), Body(_f.Handler.Requests[2])));
    }

    [Fact]
    public async Task Files_AreSentAsMultipart_WithPayloadJsonAndAttachmentMetadata()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        await _f.Client.CreateMessageAsync(RestFixture.Channel(10), new MessagePayload
        {
            Content = "Export",
            Files = [new FileUpload("postmortem.md", "# Summary"u8.ToArray()) { Description = "The write-up", ContentType = "text/markdown" }],
        }).Within();

        var request = Assert.Single(_f.Handler.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("name=payload_json", request.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"files[0]\"; filename=postmortem.md", request.Body, StringComparison.Ordinal);
        Assert.Contains("# Summary", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"postmortem.md\",\"description\":\"The write-up\"}]", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessage_WithSeveralFiles_SendsEachAsFilesN_WithAMatchingAttachmentEntry()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        await _f.Client.CreateMessageAsync(RestFixture.Channel(10), new MessagePayload
        {
            Files =
            [
                new FileUpload("postmortem-12.md", "# Summary"u8.ToArray()) { ContentType = "text/markdown" },
                new FileUpload("postmortem-12.timeline.png", new byte[] { 0x89, 0x50 }) { ContentType = "image/png", Description = "Timeline chart" },
            ],
        }).Within();

        var request = Assert.Single(_f.Handler.Requests);
        Assert.Contains("name=\"files[0]\"; filename=postmortem-12.md", request.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"files[1]\"; filename=postmortem-12.timeline.png", request.Body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/png", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"postmortem-12.md\"},{\"id\":\"1\",\"filename\":\"postmortem-12.timeline.png\",\"description\":\"Timeline chart\"}]",
            request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessage_WithMoreThanTenAttachments_ThrowsBeforeSending()
    {
        var files = Enumerable.Range(0, 10).Select(i => new FileUpload($"{i}.png", new byte[] { 1 })).ToList();

        var tooMany = () => _f.Client.CreateMessageAsync(RestFixture.Channel(10), new MessagePayload
        {
            Files = files,
            Attachments = [new PartialAttachment(new Snowflake(1300000000000000001))],
        });

        var error = await Assert.ThrowsAsync<ArgumentException>(tooMany);
        Assert.Contains("at most 10 attachments", error.Message, StringComparison.Ordinal);
        Assert.Empty(_f.Handler.Requests);
    }

    [Fact]
    public async Task Uploads_OverTheDefaultSizeLimit_OrWithoutAName_ThrowBeforeSending()
    {
        var large = new MessagePayload { Files = [new FileUpload("big.png", new byte[FileUpload.MaxBytes + 1])] };
        var unnamed = new MessagePayload { Files = [new FileUpload(" ", new byte[] { 1 })] };
        var atLimit = new MessagePayload { Files = [new FileUpload("ok.png", new byte[FileUpload.MaxBytes])] };
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, RestFixture.MessageJson);

        await Assert.ThrowsAsync<ArgumentException>(() => _f.Client.CreateFollowupAsync(RestFixture.Channel(1), "token", large));
        await Assert.ThrowsAsync<ArgumentException>(() => _f.Client.CreateMessageAsync(RestFixture.Channel(10), unnamed));
        await _f.Client.CreateMessageAsync(RestFixture.Channel(10), atLimit).Within();

        Assert.Single(_f.Handler.Requests);
    }

    [Fact]
    public async Task Threads_AreCreatedPublicByDefault_AndForumPostsCarryTheirMessage()
    {
        const string thread = """{"id":"1100000000000000100","type":11,"parent_id":"1100000000000000010"}""";
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.Created, thread);

        await _f.Client.StartThreadAsync(RestFixture.Channel(10), new ThreadCreateRequest("PM-12")).Within();
        await _f.Client.StartThreadFromMessageAsync(RestFixture.Channel(10), new Snowflake(1500000000000000001), new ThreadFromMessageRequest("PM-12")).Within();
        var post = await _f.Client.CreateForumPostAsync(RestFixture.Channel(11), new ForumPostRequest("PM-12", new MessagePayload { Content = "Summary" }) { AppliedTags = [new Snowflake(7)] }).Within();

        Assert.Equal(ChannelType.PublicThread, post.Type);
        var requests = _f.Handler.Requests;
        Assert.Equal("/api/v10/channels/1100000000000000010/threads", requests[0].PathAndQuery);
        Assert.Equal(11, Body(requests[0])["type"]!.GetValue<int>());
        Assert.Equal("/api/v10/channels/1100000000000000010/messages/1500000000000000001/threads", requests[1].PathAndQuery);
        Assert.Equal("/api/v10/channels/1100000000000000011/threads", requests[2].PathAndQuery);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"name":"PM-12","message":{"content":"Summary","allowed_mentions":{"parse":[]}},"applied_tags":["7"]}"""),
            Body(requests[2])));
    }

    [Fact]
    public async Task ChannelCalls_UseDocumentedPathsAndBodies()
    {
        _f.Handler.Respond = r => r.PathAndQuery switch
        {
            var p when p.Contains("/pins/", StringComparison.Ordinal) => Responses.NoContent(),
            var p when p.Contains("/messages?", StringComparison.Ordinal) => Responses.Json(HttpStatusCode.OK, $"[{RestFixture.MessageJson}]"),
            var p when p.EndsWith("/channels", StringComparison.Ordinal) && r.Method == HttpMethod.Get => Responses.Json(HttpStatusCode.OK, """[{"id":"1","type":0}]"""),
            _ => Responses.Json(HttpStatusCode.OK, """{"id":"1100000000000000100","type":1}"""),
        };

        await _f.Client.PinMessageAsync(RestFixture.Channel(10), new Snowflake(5)).Within();
        var messages = await _f.Client.GetMessagesAsync(RestFixture.Channel(10), new MessageQuery { Before = new Snowflake(9), Limit = 50 }).Within();
        await _f.Client.ModifyChannelAsync(RestFixture.Channel(100), new ChannelModifyRequest { Archived = true, AppliedTags = [new Snowflake(7)] }).Within();
        var dm = await _f.Client.CreateDmAsync(new Snowflake(1000000000000000001)).Within();
        var channels = await _f.Client.GetGuildChannelsAsync(RestFixture.Channel(1)).Within();

        Assert.Equal("ok", Assert.Single(messages).Content);
        Assert.Equal(ChannelType.DM, dm.Type);
        Assert.Single(channels);
        Assert.Collection(
            _f.Handler.Requests,
            r => Assert.Equal((HttpMethod.Put, "/api/v10/channels/1100000000000000010/messages/pins/5"), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Get, "/api/v10/channels/1100000000000000010/messages?before=9&limit=50"), (r.Method, r.PathAndQuery)),
            r =>
            {
                Assert.Equal((HttpMethod.Patch, "/api/v10/channels/1100000000000000100"), (r.Method, r.PathAndQuery));
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"archived":true,"applied_tags":["7"]}"""), Body(r)));
            },
            r =>
            {
                Assert.Equal((HttpMethod.Post, "/api/v10/users/@me/channels"), (r.Method, r.PathAndQuery));
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"recipient_id":"1000000000000000001"}"""), Body(r)));
            },
            r => Assert.Equal((HttpMethod.Get, "/api/v10/guilds/1100000000000000001/channels"), (r.Method, r.PathAndQuery)));
    }

    [Fact]
    public async Task OverwriteGuildCommands_PutsTheArrayAndReadsTheRegisteredCommands()
    {
        _f.Handler.Respond = _ => Responses.Json(HttpStatusCode.OK, """[{"id":"1250000000000000001","application_id":"1200000000000000001","version":"1250000000000000009","type":1,"name":"postmortem","description":"Run one"}]""");

        var registered = await _f.Client.OverwriteGuildCommandsAsync(RestFixture.Application, RestFixture.Channel(1), [new ApplicationCommand { Name = "postmortem", Description = "Run one" }]).Within();

        var request = Assert.Single(_f.Handler.Requests);
        Assert.Equal((HttpMethod.Put, "/api/v10/applications/1200000000000000001/guilds/1100000000000000001/commands"), (request.Method, request.PathAndQuery));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"type":1,"name":"postmortem","description":"Run one"}]"""), Body(request)));
        Assert.Equal(new Snowflake(1250000000000000001), Assert.Single(registered).Id);
    }

    [Fact]
    public async Task GatewayBotAndApplication_AreRead()
    {
        _f.Handler.Then(
            _ => Responses.Json(HttpStatusCode.OK, TestPayloads.Text("gateway_bot.json")),
            _ => Responses.Json(HttpStatusCode.OK, """{"id":"1200000000000000001","name":"Postmortem Bot","bot_public":false}"""));

        var gateway = await _f.Client.GetGatewayBotAsync().Within();
        var application = await _f.Client.GetCurrentApplicationAsync().Within();

        Assert.Equal(2, gateway.Shards);
        Assert.Equal(RestFixture.Application, application.Id);
        Assert.Equal(["/api/v10/gateway/bot", "/api/v10/applications/@me"], _f.Handler.Requests.Select(r => r.PathAndQuery));
    }
}
