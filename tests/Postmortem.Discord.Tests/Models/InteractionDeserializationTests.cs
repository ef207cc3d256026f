using Postmortem.Discord.Json;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Models;

public sealed class InteractionDeserializationTests
{
    private static Interaction Load(string name) => TestPayloads.Load(name, DiscordJsonContext.Default.Interaction);

    [Fact]
    public void SlashCommand_WithSubcommand_ExposesTypedOptions()
    {
        var interaction = Load("interaction_slash_subcommand.json");
        var data = interaction.Data!;

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(new Snowflake(1200000000000000001), interaction.ApplicationId);
        Assert.Equal("postmortem", data.Name);
        Assert.Equal(ApplicationCommandType.ChatInput, data.Type);
        Assert.Null(data.GetSubcommandGroup());
        Assert.Equal("start", data.GetSubcommand());
        Assert.Equal("Release pipeline outage", data.GetString("title"));
        Assert.Equal(2, data.GetInt64("severity"));
        Assert.Equal(3.5, data.GetDouble("impact_hours"));
        Assert.True(data.GetBoolean("private"));
        Assert.Null(data.GetString("missing"));
        Assert.Null(data.GetString("severity")); // a number is not a string
    }

    [Fact]
    public void Interaction_CarriesTheUploadLimitOfItsServer()
    {
        var interaction = System.Text.Json.JsonSerializer.Deserialize(
            """{"id":"1300000000000000001","application_id":"1200000000000000001","type":2,"token":"t","version":1,"attachment_size_limit":52428800}""",
            DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(50L * 1024 * 1024, interaction.AttachmentSizeLimit);
    }

    [Fact]
    public void SlashCommand_ResolvesUserMemberChannelAndAttachmentOptions()
    {
        var data = Load("interaction_slash_subcommand.json").Data!;

        Assert.Equal("corro", data.GetUser("owner")!.Username);
        var member = data.GetMember("owner")!;
        Assert.Equal("Corro", member.Nick);
        Assert.Equal("corro", member.User!.Username); // filled in from resolved users
        Assert.Equal(Permissions.ViewChannel, member.Permissions);

        var channel = data.GetChannel("channel")!;
        Assert.Equal(ChannelType.GuildForum, channel.Type);
        Assert.Equal("postmortems", channel.Name);

        var attachment = data.GetAttachment("timeline")!;
        Assert.Equal("timeline.md", attachment.Filename);
        Assert.Equal(2048, attachment.Size);
        Assert.Equal(new Uri("https://cdn.discordapp.com/attachments/1/2/timeline.md"), attachment.Url);
    }

    [Fact]
    public void SlashCommand_InGuild_ResolvesUserFromMember()
    {
        var interaction = Load("interaction_slash_subcommand.json");

        Assert.Equal("ferris", interaction.User!.Username);
        Assert.Equal("Ferris (on call)", interaction.Member!.DisplayName);
        Assert.Null(interaction.DmUser);
        Assert.True(interaction.Member.Permissions!.Value.HasFlag(Permissions.ManageThreads));
        Assert.Equal(InteractionContextType.Guild, interaction.Context);
        Assert.Equal(new DateTimeOffset(2023, 4, 1, 10, 0, 0, TimeSpan.Zero), interaction.Member.JoinedAt);
    }

    [Fact]
    public void Command_InDm_ResolvesUserFromUserField()
    {
        var interaction = Load("interaction_dm_command.json");

        Assert.Null(interaction.Member);
        Assert.Equal(new Snowflake(1000000000000000003), interaction.User!.Id);
        Assert.Equal("Bors", interaction.User.DisplayName);
        Assert.Equal(ChannelType.DM, interaction.Channel!.Type);
        Assert.Null(interaction.Data!.GetSubcommand());
        Assert.Empty(interaction.Data.GetLeafOptions());
    }

    [Fact]
    public void SlashCommand_WithGroup_FindsSubcommandAndItsOptions()
    {
        var data = Load("interaction_group_subcommand.json").Data!;

        Assert.Equal("action", data.GetSubcommandGroup());
        Assert.Equal("add", data.GetSubcommand());
        Assert.Equal("Page the release team sooner", data.GetString("text"));
    }

    [Fact]
    public void Autocomplete_ReportsTheFocusedOption()
    {
        var interaction = Load("interaction_autocomplete.json");

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        var focused = interaction.Data!.GetFocusedOption()!;
        Assert.Equal("incident", focused.Name);
        Assert.Equal("rele", focused.Value!.Value.GetString());
        Assert.False(interaction.Data.GetBoolean("mine"));
    }

    [Fact]
    public void ButtonClick_CarriesCustomIdAndTheMessageWithTypedComponents()
    {
        var interaction = Load("interaction_button_click.json");

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal(ComponentType.Button, interaction.Data!.ComponentType);
        Assert.Equal("pm:answer:timeline", interaction.Data.CustomId);
        Assert.Equal(ChannelType.PublicThread, interaction.Channel!.Type);
        Assert.True(interaction.Channel.IsThread);
        Assert.Equal(new Snowflake(1100000000000000010), interaction.Channel.ParentId);

        var message = interaction.Message!;
        Assert.True(message.IsFromBot);
        Assert.Equal("Timeline", message.Embeds[0].Title);
        Assert.Equal("Section 2 of 9", message.Embeds[0].Footer!.Text);
        Assert.True(message.Embeds[0].Fields![0].Inline);
        var row = Assert.IsType<ActionRow>(Assert.Single(message.Components));
        Assert.Collection(
            row.Components,
            c => Assert.Equal("pm:answer:timeline", Assert.IsType<Button>(c).CustomId),
            c => Assert.Equal(ButtonStyle.Secondary, Assert.IsType<Button>(c).Style),
            c =>
            {
                var link = Assert.IsType<Button>(c);
                Assert.Equal(ButtonStyle.Link, link.Style);
                Assert.Null(link.CustomId);
                Assert.Equal(new Uri("https://example.org/template"), link.Url);
            });
    }

    [Fact]
    public void StringSelect_CarriesValuesAndTheMenuDefinition()
    {
        var interaction = Load("interaction_string_select.json");

        Assert.Equal(ComponentType.StringSelect, interaction.Data!.ComponentType);
        Assert.Equal(["timeline", "why"], interaction.Data.Values);
        var menu = Assert.IsType<StringSelect>(Assert.IsType<ActionRow>(interaction.Message!.Components[0]).Components[0]);
        Assert.Equal(3, menu.Options.Count);
        Assert.Equal("❓", menu.Options[1].Emoji!.Name);
        Assert.True(menu.Options[2].Default);
        Assert.Equal(2, menu.MaxValues);
    }

    [Fact]
    public void ModalSubmit_LabelShape_ReturnsEveryField()
    {
        var interaction = Load("interaction_modal_submit_label.json");
        var fields = interaction.Data!.GetModalFields();

        Assert.Equal(InteractionType.ModalSubmit, interaction.Type);
        Assert.Equal("pm:modal:why", interaction.Data.CustomId);
        Assert.Equal(3, fields.Count);
        Assert.Equal("The deploy script assumed a warm cache.", fields["why"].Value);
        Assert.Equal(["high"], fields["confidence"].Values);
        Assert.Equal("high", fields["confidence"].Value);
        // File upload (type 19) is not modelled, yet its values still come through.
        Assert.Equal(["1400000000000000009"], fields["evidence"].Values);
        Assert.IsType<TextDisplay>(interaction.Data.Components![0]);
        Assert.IsType<UnknownComponent>(Assert.IsType<Label>(interaction.Data.Components[3]).Component);
    }

    [Fact]
    public void ModalSubmit_LegacyActionRowShape_ReturnsEveryField()
    {
        var data = Load("interaction_modal_submit_legacy.json").Data!;

        Assert.Equal("Builds failed for two hours.", data.GetModalValue("summary"));
        Assert.Equal("", data.GetModalValue("impact"));
        Assert.Null(data.GetModalValue("absent"));
    }

    [Fact]
    public void ToString_NeverShowsTheToken()
    {
        var interaction = Load("interaction_slash_subcommand.json");

        var text = interaction.ToString();

        Assert.DoesNotContain("TEST_INTERACTION_TOKEN", text, StringComparison.Ordinal);
        Assert.Contains("1300000000000000001", text, StringComparison.Ordinal);
        Assert.Contains("<redacted>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownEnumValuesAndFields_DoNotThrow()
    {
        const string json = """
            {"id":"1","application_id":"2","type":42,"token":"t","brand_new_field":{"x":[1,2]},
             "data":{"custom_id":"c","component_type":77}}
            """;

        var interaction = System.Text.Json.JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

        Assert.Equal((InteractionType)42, interaction.Type);
        Assert.Equal((ComponentType)77, interaction.Data!.ComponentType);
    }
}
