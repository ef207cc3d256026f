using System.Text.Json;
using System.Text.Json.Nodes;
using Postmortem.Discord.Json;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Tests.Models;

public sealed class RequestSerializationTests
{
    private static JsonNode Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonNode.Parse(JsonSerializer.Serialize(value, type))!;

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}{Environment.NewLine}but got {actual.ToJsonString()}");

    [Fact]
    public void MessagePayload_WritesNoNullsAndSnowflakesAsStrings()
    {
        var payload = new MessagePayload
        {
            Content = "Postmortem started",
            AllowedMentions = AllowedMentions.OnlyUsers(new Snowflake(1000000000000000001)),
            MessageReference = MessageReference.ReplyTo(new Snowflake(1500000000000000001)),
        };

        AssertJson(
            """
            {"content":"Postmortem started",
             "allowed_mentions":{"parse":[],"users":["1000000000000000001"]},
             "message_reference":{"message_id":"1500000000000000001","fail_if_not_exists":false}}
            """,
            Json(payload, DiscordJsonContext.Default.MessagePayload));
    }

    [Fact]
    public void AllowedMentionsNone_IsAnEmptyParseList() =>
        AssertJson("""{"allowed_mentions":{"parse":[]}}""",
            Json(new MessagePayload { AllowedMentions = AllowedMentions.None }, DiscordJsonContext.Default.MessagePayload));

    [Fact]
    public void Components_SerializeWithTheirTypeAndLinkButtonsHaveNoCustomId()
    {
        var payload = new MessagePayload
        {
            Components =
            [
                new ActionRow([Button.Primary("pm:answer", "Answer"), Button.Link(new Uri("https://example.org/t"), "Template")]),
                new ActionRow([new StringSelect { CustomId = "pm:pick", Options = [new SelectOption("Why", "why") { Description = "Five whys" }], MaxValues = 1 }]),
                new ActionRow([new UserSelect { CustomId = "pm:owner" }]),
                new ActionRow([new ChannelSelect { CustomId = "pm:where", ChannelTypes = [ChannelType.GuildText, ChannelType.GuildForum] }]),
            ],
        };

        AssertJson(
            """
            {"components":[
              {"type":1,"components":[
                {"type":2,"style":1,"label":"Answer","custom_id":"pm:answer"},
                {"type":2,"style":5,"label":"Template","url":"https://example.org/t"}]},
              {"type":1,"components":[{"type":3,"options":[{"label":"Why","value":"why","description":"Five whys"}],"custom_id":"pm:pick","max_values":1}]},
              {"type":1,"components":[{"type":5,"custom_id":"pm:owner"}]},
              {"type":1,"components":[{"type":8,"channel_types":[0,15],"custom_id":"pm:where"}]}]}
            """,
            Json(payload, DiscordJsonContext.Default.MessagePayload));
    }

    [Fact]
    public void Components_RoundTrip_IncludingUnknownTypes()
    {
        const string json = """[{"type":17,"accent_color":1,"components":[{"type":10,"content":"x"}]},{"type":1,"components":[{"type":2,"style":4,"custom_id":"d","label":"Delete"}]}]""";
        var type = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<Component>>)
            DiscordJsonContext.Default.Options.GetTypeInfo(typeof(IReadOnlyList<Component>));

        var components = JsonSerializer.Deserialize(json, type)!;

        Assert.IsType<UnknownComponent>(components[0]);
        Assert.Equal(ButtonStyle.Danger, Assert.IsType<Button>(Assert.IsType<ActionRow>(components[1]).Components[0]).Style);
        AssertJson(json, JsonNode.Parse(JsonSerializer.Serialize(components, type))!);
    }

    [Fact]
    public void Components_WorkWithPlainReflectionOptionsToo()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        Component row = new ActionRow([Button.Danger("pm:delete", "Delete")]);

        var json = JsonSerializer.Serialize(row, options);
        var back = JsonSerializer.Deserialize<Component>(json, options);

        Assert.Contains("\"type\":1", json, StringComparison.Ordinal);
        Assert.Equal("pm:delete", Assert.IsType<Button>(Assert.IsType<ActionRow>(back).Components[0]).CustomId);
    }

    [Fact]
    public void ModalResponse_UsesLabelsAroundTextInputs()
    {
        var response = InteractionResponse.Modal(new ModalData(
            "pm:modal:why",
            "Why did it happen?",
            [
                new Label("Why?", new TextInput { CustomId = "why", Style = TextInputStyle.Paragraph, MaxLength = 4000, Placeholder = "Ask why, not who" })
                {
                    Description = "Blameless: systems, not people",
                },
                new ActionRow([new TextInput { CustomId = "legacy", Label = "Legacy field" }]),
            ]));

        AssertJson(
            """
            {"type":9,"data":{"custom_id":"pm:modal:why","title":"Why did it happen?","components":[
              {"type":18,"label":"Why?","component":{"type":4,"custom_id":"why","style":2,"max_length":4000,"placeholder":"Ask why, not who"},
               "description":"Blameless: systems, not people"},
              {"type":1,"components":[{"type":4,"custom_id":"legacy","style":1,"label":"Legacy field"}]}]}}
            """,
            Json(response, DiscordJsonContext.Default.InteractionResponse));
    }

    [Fact]
    public void DeferredMessage_Ephemeral_SendsOnlyTheFlag()
    {
        AssertJson("""{"type":5,"data":{"flags":64}}""", Json(InteractionResponse.DeferredMessage(ephemeral: true), DiscordJsonContext.Default.InteractionResponse));
        AssertJson("""{"type":5}""", Json(InteractionResponse.DeferredMessage(), DiscordJsonContext.Default.InteractionResponse));
        AssertJson("""{"type":6}""", Json(InteractionResponse.DeferredUpdate(), DiscordJsonContext.Default.InteractionResponse));
    }

    [Fact]
    public void AutocompleteResult_WritesTypedChoiceValues()
    {
        var response = InteractionResponse.Autocomplete(
        [
            ApplicationCommandChoice.Create("Release pipeline outage", "pm-12"),
            ApplicationCommandChoice.Create("Severity 2", 2),
            ApplicationCommandChoice.Create("Half", 0.5),
        ]);

        AssertJson(
            """{"type":8,"data":{"choices":[{"name":"Release pipeline outage","value":"pm-12"},{"name":"Severity 2","value":2},{"name":"Half","value":0.5}]}}""",
            Json(response, DiscordJsonContext.Default.InteractionResponse));
    }

    [Fact]
    public void ThreadCreateRequest_AlwaysSendsPublicThreadType() =>
        AssertJson("""{"name":"Postmortem","type":11,"auto_archive_duration":10080}""",
            Json(new ThreadCreateRequest("Postmortem") { AutoArchiveDuration = 10080 }, DiscordJsonContext.Default.ThreadCreateRequest));

    [Fact]
    public void ForumPostRequest_NestsTheMessageAndTags() =>
        AssertJson("""{"name":"PM-12","message":{"content":"Summary"},"applied_tags":["1100000000000000301"]}""",
            Json(new ForumPostRequest("PM-12", new MessagePayload { Content = "Summary" }) { AppliedTags = [new Snowflake(1100000000000000301)] },
                DiscordJsonContext.Default.ForumPostRequest));

    [Fact]
    public void ChannelModifyRequest_WritesOnlyWhatChanges() =>
        AssertJson("""{"archived":true,"locked":false}""",
            Json(new ChannelModifyRequest { Archived = true, Locked = false }, DiscordJsonContext.Default.ChannelModifyRequest));

    [Fact]
    public void DmCreateRequest_WritesRecipientAsString() =>
        AssertJson("""{"recipient_id":"1000000000000000001"}""",
            Json(new DmCreateRequest(new Snowflake(1000000000000000001)), DiscordJsonContext.Default.DmCreateRequest));

    [Fact]
    public void ApplicationCommand_SerializesNestedOptionsAndPermissionsAsString()
    {
        var command = new ApplicationCommand
        {
            Name = "postmortem",
            Description = "Run a blameless postmortem",
            DefaultMemberPermissions = Permissions.ManageThreads,
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.SubCommand,
                    Name = "start",
                    Description = "Start one",
                    Options =
                    [
                        new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "title", Description = "Incident title", Required = true, MaxLength = 100 },
                        new ApplicationCommandOption
                        {
                            Type = ApplicationCommandOptionType.Integer, Name = "severity", Description = "1-4",
                            Choices = [ApplicationCommandChoice.Create("Sev 1", 1), ApplicationCommandChoice.Create("Sev 2", 2)],
                        },
                        new ApplicationCommandOption { Type = ApplicationCommandOptionType.Channel, Name = "forum", Description = "Where", ChannelTypes = [ChannelType.GuildForum] },
                    ],
                },
            ],
        };

        AssertJson(
            """
            {"type":1,"name":"postmortem","description":"Run a blameless postmortem",
             "options":[{"type":1,"name":"start","description":"Start one","options":[
               {"type":3,"name":"title","description":"Incident title","required":true,"max_length":100},
               {"type":4,"name":"severity","description":"1-4","choices":[{"name":"Sev 1","value":1},{"name":"Sev 2","value":2}]},
               {"type":7,"name":"forum","description":"Where","channel_types":[15]}]}],
             "default_member_permissions":"17179869184","contexts":[0]}
            """,
            Json(command, DiscordJsonContext.Default.ApplicationCommand));
    }
}
