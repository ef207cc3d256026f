using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

public sealed class MessageRulesTests
{
    [Fact]
    public async Task CreateMessage_With2001Characters_Is400Code50035AndAViolation()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", Json.Message(new string('a', 2001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(50035, response.Code);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", Json.ErrorCode(response.Json, "content"));
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("content", StringComparison.Ordinal));
        Assert.Empty(channel.Messages);
    }

    [Fact]
    public async Task CreateMessage_With2000Characters_IsStored()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", Json.Message(new string('a', 2000)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2000, Assert.Single(channel.Messages).Content.Length);
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task CreateMessage_WithSixActionRows_IsRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var body = Json.Message("pick");
        body["components"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)Json.Row(Json.Button($"b{i}")))]);

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", Json.ErrorCode(response.Json, "components"));
        Assert.NotEmpty(emulator.Violations);
    }

    [Fact]
    public async Task CreateMessage_WithDuplicateCustomIds_IsRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var body = Json.Message("pick");
        body["components"] = new JsonArray(Json.Row(Json.Button("same"), Json.Button("same")));

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", body);

        Assert.Equal("COMPONENT_CUSTOM_ID_DUPLICATED", Json.ErrorCode(response.Json, "components", "0", "components", "1", "custom_id"));
    }

    [Fact]
    public async Task CreateMessage_WithNothingToShow_Is400Code50006()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", Json.Message(""));

        Assert.Equal(50006, response.Code);
        Assert.NotEmpty(emulator.Violations);
    }

    [Fact]
    public async Task CreateMessage_WithEmbedsOver6000CharactersInTotal_IsRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var body = new JsonObject
        {
            ["embeds"] = new JsonArray(
                new JsonObject { ["description"] = new string('x', 4000) },
                new JsonObject { ["description"] = new string('y', 2001) }),
        };

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", body);

        Assert.Equal("MAX_EMBED_SIZE_EXCEEDED", Json.ErrorCode(response.Json, "embeds"));
    }

    [Fact]
    public async Task CreateMessage_WithAWellFormedRichBody_PassesDocsAndSchema()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var body = Json.Message("Postmortem started");
        body["embeds"] = new JsonArray(new JsonObject
        {
            ["title"] = "Database outage",
            ["description"] = "Blameless review",
            ["fields"] = new JsonArray(new JsonObject { ["name"] = "Status", ["value"] = "Draft", ["inline"] = true }),
            ["footer"] = new JsonObject { ["text"] = "Postmortem Bot" },
        });
        body["components"] = new JsonArray(Json.Row(Json.Button("pm:answer"), new JsonObject
        {
            ["type"] = 2,
            ["style"] = 5,
            ["label"] = "Template",
            ["url"] = "https://example.test/template",
        }));
        body["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(emulator.Violations);
        Assert.Equal(["pm:answer"], Assert.Single(channel.Messages).CustomIds);
    }

    [Fact]
    public async Task CreateMessage_WithAWrongFieldType_IsCaughtByTheDiscordSchema()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var body = Json.Message("hi");
        body["tts"] = "yes";

        var response = await rest.PostAsync($"channels/{channel.Id}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(50035, response.Code);
        Assert.Equal("SCHEMA_INVALID_TYPE", Json.ErrorCode(response.Json, "tts"));
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("discord-api-spec create_message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllowedMentions_WithEmptyParse_PingsNobodyThoughTheContentMentions()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("g");
        var channel = guild.CreateTextChannel("general");
        var alice = emulator.CreateUser("alice");
        guild.AddMember(alice);
        using var rest = new RawRest(emulator);
        var silent = Json.Message($"{alice.Mention} owns this @everyone");
        silent["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };

        await rest.PostAsync($"channels/{channel.Id}/messages", silent);
        await rest.PostAsync($"channels/{channel.Id}/messages", Json.Message($"{alice.Mention} owns this"));

        Assert.True(channel.Messages[0].Pings.IsEmpty);
        Assert.Equal([alice.Id], channel.Messages[1].Pings.Users);
    }

    [Fact]
    public async Task Multipart_Upload_IsStoredWithItsContent_AndUnknownAttachmentIdsAreRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var payload = Json.Message("the report");
        payload["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = "postmortem.md" });
        var dangling = Json.Message("oops");
        dangling["attachments"] = new JsonArray(new JsonObject { ["id"] = 3, ["filename"] = "missing.md" });

        var ok = await rest.PostMultipartAsync($"channels/{channel.Id}/messages", payload, ("report.md", "# Postmortem"));
        var bad = await rest.PostMultipartAsync($"channels/{channel.Id}/messages", dangling, ("other.md", "x"));

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        var attachment = Assert.Single(Assert.Single(channel.Messages).Attachments);
        Assert.Equal(("postmortem.md", "# Postmortem"), (attachment.FileName, attachment.Text));
        Assert.Equal("ATTACHMENT_NOT_FOUND", Json.ErrorCode(bad.Json, "attachments", "0", "id"));
    }

    [Fact]
    public async Task EditMessage_OfAnotherAuthor_Is403()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("g");
        var channel = guild.CreateTextChannel("general");
        var alice = emulator.CreateUser("alice");
        guild.AddMember(alice);
        var theirs = await emulator.PostMessageAsync(alice, channel, "mine");
        using var rest = new RawRest(emulator);

        var response = await rest.PatchAsync($"channels/{channel.Id}/messages/{theirs.Id}", Json.Message("changed"));

        Assert.Equal(50005, response.Code);
        Assert.Equal("mine", theirs.Content);
    }

    [Fact]
    public async Task Pin_WithTheNewAndLegacyRoutes_PinsTheMessage()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);
        var first = await rest.PostAsync($"channels/{channel.Id}/messages", Json.Message("one"));
        var second = await rest.PostAsync($"channels/{channel.Id}/messages", Json.Message("two"));

        var pinned = await rest.PutAsync($"channels/{channel.Id}/messages/pins/{first.Json!["id"]}", null);
        var legacy = await rest.PutAsync($"channels/{channel.Id}/pins/{second.Json!["id"]}", null);

        Assert.Equal(HttpStatusCode.NoContent, pinned.Status);
        Assert.Equal(HttpStatusCode.NoContent, legacy.Status);
        Assert.Equal(["one", "two"], channel.PinnedMessages.Select(m => m.Content));
    }
}
