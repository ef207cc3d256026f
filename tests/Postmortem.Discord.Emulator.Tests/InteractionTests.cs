using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.Discord.Emulator.Tests;

public sealed class InteractionTests
{
    [Fact]
    public async Task SlashCommand_ArrivesAsInteractionCreate_WithTheDocumentedShape()
    {
        await using var bot = await BotHarness.StartAsync();

        var (handle, interaction) = await bot.RunStartAsync("DB outage");

        Assert.Equal(handle.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), interaction["id"]!.GetValue<string>());
        Assert.Equal(2, interaction["type"]!.GetValue<int>());
        Assert.Equal(1, interaction["version"]!.GetValue<int>());
        Assert.Equal(handle.Token, interaction["token"]!.GetValue<string>());
        Assert.Equal($"{bot.Emulator.ApplicationId}", interaction["application_id"]!.GetValue<string>());
        Assert.Equal($"{bot.Guild.Id}", interaction["guild_id"]!.GetValue<string>());
        Assert.Equal($"{bot.Channel.Id}", interaction["channel_id"]!.GetValue<string>());
        Assert.Equal($"{bot.Channel.Id}", interaction["channel"]!["id"]!.GetValue<string>());
        Assert.Equal($"{bot.User.Id}", interaction["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.NotNull(interaction["member"]!["permissions"]!.GetValue<string>());
        Assert.NotNull(interaction["app_permissions"]!.GetValue<string>());
        var data = interaction["data"]!;
        Assert.Equal(("postmortem", 1), (data["name"]!.GetValue<string>(), data["type"]!.GetValue<int>()));
        Assert.Equal($"{bot.Emulator.RegisteredCommands[0].Id}", data["id"]!.GetValue<string>());
        var subcommand = data["options"]![0]!;
        Assert.Equal((1, "start"), (subcommand["type"]!.GetValue<int>(), subcommand["name"]!.GetValue<string>()));
        var title = subcommand["options"]![0]!;
        Assert.Equal((3, "title", "DB outage"), (title["type"]!.GetValue<int>(), title["name"]!.GetValue<string>(), title["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SubcommandGroup_IsNestedGroupThenSubcommand()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.Emulator.RunSlashCommandAsync(bot.User, bot.Channel, "postmortem", "admin reset");
        var interaction = await bot.NextInteractionAsync();

        var group = interaction["data"]!["options"]![0]!;
        Assert.Equal((2, "admin"), (group["type"]!.GetValue<int>(), group["name"]!.GetValue<string>()));
        Assert.Equal("reset", group["options"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task SlashCommand_MissingARequiredOption_IsRefusedLikeTheDiscordClient()
    {
        await using var bot = await BotHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => bot.Emulator.RunSlashCommandAsync(bot.User, bot.Channel, "postmortem", "start"));
    }

    [Fact]
    public async Task Reply_CreatesTheMessage_AndASecondResponseGets40060()
    {
        await using var bot = await BotHarness.StartAsync();
        var (handle, interaction) = await bot.RunStartAsync();

        var first = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = Json.Message("Started") });
        var second = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = Json.Message("Again") });

        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal(4, (await handle.ResponseAsync()).Type);
        Assert.Equal("Started", Assert.Single(handle.Messages).Content);
        Assert.Equal(40060, second.Code);
        Assert.Single(bot.Emulator.Violations);
    }

    [Fact]
    public async Task Reply_AfterTheThreeSecondDeadline_Gets10062AndAViolation()
    {
        var clock = new FakeTimeProvider();
        await using var bot = await BotHarness.StartAsync(new EmulatorOptions { Time = clock });
        var (handle, interaction) = await bot.RunStartAsync();

        clock.Advance(TimeSpan.FromMilliseconds(3001));
        var response = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(10062, response.Code);
        Assert.Null(handle.Response);
        Assert.Contains(bot.Emulator.Violations, v => v.Reason.Contains("within 3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_JustInsideTheDeadline_IsAccepted()
    {
        var clock = new FakeTimeProvider();
        await using var bot = await BotHarness.StartAsync(new EmulatorOptions { Time = clock });
        var (handle, interaction) = await bot.RunStartAsync();

        clock.Advance(TimeSpan.FromMilliseconds(2999));
        var response = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.True((await handle.ResponseAsync()).IsDeferred);
    }

    [Fact]
    public async Task Followup_AfterTheTokenExpired_Gets401Code50027()
    {
        var clock = new FakeTimeProvider();
        await using var bot = await BotHarness.StartAsync(new EmulatorOptions { Time = clock });
        var (_, interaction) = await bot.RunStartAsync();
        await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5 });

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var response = await bot.Rest.PostAsync(bot.WebhookPath(interaction), Json.Message("too late"));

        Assert.Equal(50027, response.Code);
    }

    [Fact]
    public async Task Defer_ThenFirstFollowup_FillsTheThinkingMessage_AndLaterOnesAreNew()
    {
        await using var bot = await BotHarness.StartAsync();
        var (handle, interaction) = await bot.RunStartAsync();
        await bot.RespondAsync(interaction, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });
        Assert.True(handle.Original!.IsLoading);

        await bot.Rest.PostAsync(bot.WebhookPath(interaction), Json.Message("Here it is"));
        await bot.Rest.PostAsync(bot.WebhookPath(interaction), Json.Message("One more thing"));

        var original = await handle.WaitForOriginalAsync();
        Assert.Equal("Here it is", original.Content);
        Assert.True(original.IsEphemeral);
        Assert.Equal(bot.User, original.VisibleTo);
        var followup = Assert.Single(handle.Followups);
        Assert.Equal("One more thing", followup.Content);
        Assert.Equal([followup], bot.Channel.PublicMessages);
    }

    [Fact]
    public async Task EditOriginal_ReplacesTheResponseContent()
    {
        await using var bot = await BotHarness.StartAsync();
        var (handle, interaction) = await bot.RunStartAsync();
        await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = Json.Message("Working") });

        var edited = await bot.Rest.PatchAsync(bot.WebhookPath(interaction, "/messages/@original"), Json.Message("Done"));

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal("Done", handle.Original!.Content);
        Assert.NotNull(handle.Original.EditedAt);
    }

    [Fact]
    public async Task ModalResponse_WithSixComponents_IsRejected_AndFiveAreAccepted()
    {
        await using var bot = await BotHarness.StartAsync();
        var (handle, interaction) = await bot.RunStartAsync();

        var six = await bot.RespondAsync(interaction, Json.Modal(6));
        var five = await bot.RespondAsync(interaction, Json.Modal(5));

        Assert.Equal(HttpStatusCode.BadRequest, six.Status);
        Assert.Equal("BASE_TYPE_BAD_LENGTH", Json.ErrorCode(six.Json, "data", "components"));
        Assert.Equal(HttpStatusCode.NoContent, five.Status);
        Assert.Equal("why-modal", handle.Modal!["custom_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModalSubmit_CarriesTheTypedValues_AndAnotherModalInReplyIsRejected()
    {
        await using var bot = await BotHarness.StartAsync();
        var (handle, interaction) = await bot.RunStartAsync();
        await bot.RespondAsync(interaction, Json.Modal(2));

        var submit = await bot.Emulator.SubmitModalAsync(bot.User, handle, new Dictionary<string, string> { ["why1"] = "Disk full", ["why2"] = "No alert" });
        var submitted = await bot.NextInteractionAsync();
        var reply = await bot.RespondAsync(submitted, Json.Modal(1));

        Assert.Equal(5, submitted["type"]!.GetValue<int>());
        var first = submitted["data"]!["components"]![0]!;
        Assert.Equal((18, "why1", "Disk full"), (first["type"]!.GetValue<int>(),
            first["component"]!["custom_id"]!.GetValue<string>(), first["component"]!["value"]!.GetValue<string>()));
        Assert.Equal("INTERACTION_RESPONSE_TYPE_INVALID", Json.ErrorCode(reply.Json, "type"));
        Assert.Null(submit.Response);
    }

    [Fact]
    public async Task ButtonClick_CarriesTheMessage_AndUpdateMessageEditsIt()
    {
        await using var bot = await BotHarness.StartAsync();
        var (_, interaction) = await bot.RunStartAsync();
        var reply = Json.Message("Ready?");
        reply["components"] = new JsonArray(Json.Row(Json.Button("pm:go")));
        await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = reply });
        var message = Assert.Single(bot.Channel.Messages);

        var click = await bot.Emulator.ClickButtonAsync(bot.User, message, "pm:go");
        var clicked = await bot.NextInteractionAsync();
        await bot.RespondAsync(clicked, new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "Going", ["components"] = new JsonArray() } });

        Assert.Equal(3, clicked["type"]!.GetValue<int>());
        Assert.Equal("pm:go", clicked["data"]!["custom_id"]!.GetValue<string>());
        Assert.Equal($"{message.Id}", clicked["message"]!["id"]!.GetValue<string>());
        Assert.Equal(7, (await click.ResponseAsync()).Type);
        Assert.Equal("Going", message.Content);
        Assert.Empty(message.Components);
    }

    [Fact]
    public async Task Autocomplete_TakesOnlyChoices()
    {
        await using var bot = await BotHarness.StartAsync();
        var handle = await bot.Emulator.AutocompleteAsync(bot.User, bot.Channel, "postmortem", "start", "title", "Data");
        var interaction = await bot.NextInteractionAsync();

        var wrong = await bot.RespondAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = Json.Message("no") });
        var right = await bot.RespondAsync(interaction, new JsonObject
        {
            ["type"] = 8,
            ["data"] = new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["name"] = "Database outage", ["value"] = "db" }) },
        });

        Assert.True(interaction["data"]!["options"]![0]!["options"]![0]!["focused"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(HttpStatusCode.NoContent, right.Status);
        Assert.Equal("db", Assert.Single((await handle.ResponseAsync()).Choices)["value"]!.GetValue<string>());
    }
}
