using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

public sealed class ThreadTests
{
    [Fact]
    public async Task StartThreadWithoutMessage_WithoutType_IsPrivate()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("incidents");
        using var rest = new RawRest(emulator);

        var response = await rest.PostAsync($"channels/{channel.Id}/threads", new JsonObject { ["name"] = "Postmortem: outage" });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(12, response.Json!["type"]!.GetValue<int>());
        Assert.Equal(ChannelKind.PrivateThread, Assert.Single(emulator.Threads).Kind);
    }

    [Fact]
    public async Task StartThreadWithoutMessage_WithType11_IsPublic()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("incidents");
        using var rest = new RawRest(emulator);

        await rest.PostAsync($"channels/{channel.Id}/threads", new JsonObject { ["name"] = "Postmortem", ["type"] = 11 });

        Assert.Equal(ChannelKind.PublicThread, Assert.Single(channel.Threads).Kind);
    }

    [Fact]
    public async Task StartThread_WithABadArchiveDurationOrLongName_IsRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("incidents");
        using var rest = new RawRest(emulator);

        var response = await rest.PostAsync($"channels/{channel.Id}/threads",
            new JsonObject { ["name"] = new string('n', 101), ["auto_archive_duration"] = 30 });

        Assert.Equal("BASE_TYPE_BAD_LENGTH", Json.ErrorCode(response.Json, "name"));
        Assert.Equal("BASE_TYPE_CHOICES", Json.ErrorCode(response.Json, "auto_archive_duration"));
        Assert.Empty(emulator.Threads);
    }

    [Fact]
    public async Task StartThreadFromMessage_TakesTheMessageId_AndASecondThreadGets160004()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("incidents");
        using var rest = new RawRest(emulator);
        var message = await rest.PostAsync($"channels/{channel.Id}/messages", Json.Message("Incident"));
        var path = $"channels/{channel.Id}/messages/{message.Json!["id"]}/threads";

        var first = await rest.PostAsync(path, new JsonObject { ["name"] = "Discussion", ["auto_archive_duration"] = 1440 });
        var second = await rest.PostAsync(path, new JsonObject { ["name"] = "Again" });

        Assert.Equal(message.Json["id"]!.GetValue<string>(), first.Json!["id"]!.GetValue<string>());
        Assert.Equal(11, first.Json["type"]!.GetValue<int>());
        Assert.Equal(160004, second.Code);
    }

    [Fact]
    public async Task ForumPost_WithKnownTags_CreatesAThreadWhoseStarterMessageSharesItsId()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var forum = emulator.CreateGuild("g").CreateForumChannel("postmortems", "draft", "final");
        using var rest = new RawRest(emulator);
        var body = new JsonObject
        {
            ["name"] = "Database outage",
            ["message"] = Json.Message("Summary to come"),
            ["applied_tags"] = new JsonArray(forum.Tag("draft").Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };

        var response = await rest.PostAsync($"channels/{forum.Id}/threads", body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var thread = Assert.Single(forum.Threads);
        Assert.Equal([forum.Tag("draft").Id], thread.AppliedTags);
        Assert.Equal(thread.Id, Assert.Single(thread.Messages).Id);
        Assert.Equal(response.Json!["id"]!.GetValue<string>(), response.Json["message"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForumPost_WithAnUnknownTag_IsRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var forum = emulator.CreateGuild("g").CreateForumChannel("postmortems", "draft");
        using var rest = new RawRest(emulator);
        var body = new JsonObject
        {
            ["name"] = "Outage",
            ["message"] = Json.Message("x"),
            ["applied_tags"] = new JsonArray("12345"),
        };

        var response = await rest.PostAsync($"channels/{forum.Id}/threads", body);

        Assert.Equal("CHANNEL_TAG_UNKNOWN", Json.ErrorCode(response.Json, "applied_tags", "0"));
    }

    [Fact]
    public async Task PatchThread_ArchivesAndRetags_AndEditingInAnArchivedThreadGets50083()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var forum = emulator.CreateGuild("g").CreateForumChannel("postmortems", "draft", "final");
        using var rest = new RawRest(emulator);
        var post = await rest.PostAsync($"channels/{forum.Id}/threads",
            new JsonObject { ["name"] = "Outage", ["message"] = Json.Message("x") });
        var threadId = post.Json!["id"]!.GetValue<string>();

        var patched = await rest.PatchAsync($"channels/{threadId}", new JsonObject
        {
            ["archived"] = true,
            ["applied_tags"] = new JsonArray(forum.Tag("final").Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        });
        var edit = await rest.PatchAsync($"channels/{threadId}/messages/{threadId}", Json.Message("late edit"));

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        var thread = Assert.Single(forum.Threads);
        Assert.True(thread.IsArchived);
        Assert.Equal([forum.Tag("final").Id], thread.AppliedTags);
        Assert.Equal(50083, edit.Code);
    }
}
