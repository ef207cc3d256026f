using System.Text.Json;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Gateway;

/// <summary>Dispatch name + data -> typed event, on payloads written from Discord's documented shapes.</summary>
public sealed class GatewayEventMapperTests
{
    private const string Member = """{"user":{"id":"6000","username":"ana","discriminator":"0"},"roles":[],"permissions":"8","joined_at":"2026-01-01T00:00:00+00:00"}""";

    [Fact]
    public void Ready_CarriesSessionUserGuildsAndApplication()
    {
        var evt = Map<ReadyEvent>("READY", """
            {"v":10,"user":{"id":"1000","username":"postmortem","discriminator":"0","bot":true},
             "guilds":[{"id":"2000","unavailable":true},{"id":"2001","unavailable":true}],
             "session_id":"abc","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg","shard":[0,1],
             "application":{"id":"3000","flags":8192},"_trace":["ignored"]}
            """);

        Assert.Equal("abc", evt.Ready.SessionId);
        Assert.Equal(new Snowflake(1000), evt.Ready.User.Id);
        Assert.Equal([new Snowflake(2000), new Snowflake(2001)], evt.Ready.Guilds.Select(g => g.Id));
        Assert.Equal(new Snowflake(3000), evt.Ready.Application?.Id);
    }

    [Fact]
    public void GuildCreate_IncludesChannelsAndActiveThreads()
    {
        var evt = Map<GuildCreateEvent>("GUILD_CREATE", """
            {"id":"2000","name":"Ops","roles":[],"features":[],"joined_at":"2026-01-01T00:00:00+00:00","large":false,
             "member_count":3,"unavailable":false,
             "channels":[{"id":"4000","type":0,"name":"incidents","guild_id":"2000"}],
             "threads":[{"id":"4100","type":11,"name":"pm-1","parent_id":"4000","guild_id":"2000",
                         "thread_metadata":{"archived":false,"auto_archive_duration":1440,"archive_timestamp":"2026-01-02T00:00:00+00:00","locked":false}}]}
            """);

        Assert.Equal("Ops", evt.Guild.Name);
        Assert.Equal(new Snowflake(4000), Assert.Single(evt.Guild.Channels).Id);
        var thread = Assert.Single(evt.Guild.Threads);
        Assert.Equal(ChannelType.PublicThread, thread.Type);
        Assert.Equal(new Snowflake(4000), thread.ParentId);
    }

    [Fact]
    public void InteractionCreate_SlashCommandWithSubcommand_ExposesSubcommandAndOptions()
    {
        var evt = Map<InteractionCreateEvent>("INTERACTION_CREATE", $$$"""
            {"id":"7000","application_id":"3000","type":2,"token":"interaction-secret","version":1,
             "guild_id":"2000","channel_id":"4000","member":{{{Member}}},"locale":"en-US",
             "data":{"id":"8000","name":"postmortem","type":1,
                     "options":[{"type":1,"name":"start","options":[{"type":3,"name":"title","value":"Database outage"}]}]}}
            """);

        var interaction = evt.Interaction;
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("start", interaction.Data?.GetSubcommand());
        Assert.Equal("Database outage", interaction.Data?.GetString("title"));
        Assert.Equal(new Snowflake(6000), interaction.User?.Id);
        Assert.DoesNotContain("interaction-secret", evt.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InteractionCreate_Autocomplete_MarksTheFocusedOption()
    {
        var evt = Map<InteractionCreateEvent>("INTERACTION_CREATE", $$$"""
            {"id":"7001","application_id":"3000","type":4,"token":"t","version":1,"guild_id":"2000","channel_id":"4000",
             "member":{{{Member}}},
             "data":{"id":"8000","name":"postmortem","type":1,
                     "options":[{"type":1,"name":"open","options":[{"type":3,"name":"incident","value":"dat","focused":true}]}]}}
            """);

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, evt.Interaction.Type);
        Assert.Equal("incident", evt.Interaction.Data?.GetFocusedOption()?.Name);
    }

    [Fact]
    public void InteractionCreate_ButtonAndSelect_CarryCustomIdValuesAndTheMessage()
    {
        var evt = Map<InteractionCreateEvent>("INTERACTION_CREATE", $$$"""
            {"id":"7002","application_id":"3000","type":3,"token":"t","version":1,"guild_id":"2000","channel_id":"4000",
             "member":{{{Member}}},
             "message":{"id":"5000","channel_id":"4000","content":"Pick a section","timestamp":"2026-05-06T09:00:00+00:00","type":0,
                        "author":{"id":"1000","username":"postmortem","discriminator":"0","bot":true}},
             "data":{"custom_id":"pm:section","component_type":3,"values":["timeline","why"]}}
            """);

        Assert.Equal(InteractionType.MessageComponent, evt.Interaction.Type);
        Assert.Equal("pm:section", evt.Interaction.Data?.CustomId);
        Assert.Equal(["timeline", "why"], evt.Interaction.Data?.Values);
        Assert.Equal(new Snowflake(5000), evt.Interaction.Message?.Id);
    }

    [Fact]
    public void InteractionCreate_ModalSubmit_ExposesFieldValues()
    {
        var evt = Map<InteractionCreateEvent>("INTERACTION_CREATE", $$$"""
            {"id":"7003","application_id":"3000","type":5,"token":"t","version":1,"guild_id":"2000","channel_id":"4000",
             "member":{{{Member}}},
             "data":{"custom_id":"pm:why","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"answer","value":"A lock was held"}}]}}
            """);

        Assert.Equal(InteractionType.ModalSubmit, evt.Interaction.Type);
        Assert.Equal("A lock was held", evt.Interaction.Data?.GetModalValue("answer"));
    }

    [Fact]
    public void MessageCreate_InAThread_CarriesTheThreadAsChannel()
    {
        var evt = Map<MessageCreateEvent>("MESSAGE_CREATE", $$$"""
            {"id":"5001","channel_id":"4100","guild_id":"2000","member":{"roles":[],"joined_at":"2026-01-01T00:00:00+00:00"},
             "author":{"id":"6000","username":"ana","discriminator":"0"},"content":"We rolled back at 10:42",
             "timestamp":"2026-05-06T10:45:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,
             "mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0,"channel_type":11}
            """);

        Assert.Equal(new Snowflake(4100), evt.Message.ChannelId);
        Assert.Equal(ChannelType.PublicThread, evt.Message.ChannelType);
        Assert.Equal("We rolled back at 10:42", evt.Message.Content);
    }

    [Fact]
    public void MessageUpdateAndDelete_AreTyped()
    {
        var update = Map<MessageUpdateEvent>("MESSAGE_UPDATE", """
            {"id":"5001","channel_id":"4100","content":"edited","timestamp":"2026-05-06T10:45:00+00:00",
             "edited_timestamp":"2026-05-06T10:46:00+00:00","type":0,"author":{"id":"6000","username":"ana","discriminator":"0"}}
            """);
        var delete = Map<MessageDeleteEvent>("MESSAGE_DELETE", """{"id":"5001","channel_id":"4100","guild_id":"2000"}""");

        Assert.NotNull(update.Message.EditedTimestamp);
        Assert.Equal(new Snowflake(5001), delete.Message.Id);
    }

    [Fact]
    public void ThreadCreate_TellsANewThreadApart()
    {
        var evt = Map<ThreadCreateEvent>("THREAD_CREATE", """
            {"id":"4101","guild_id":"2000","parent_id":"4000","owner_id":"1000","name":"Postmortem: outage","type":11,
             "newly_created":true,"member_count":1,"message_count":0,
             "thread_metadata":{"archived":false,"auto_archive_duration":10080,"archive_timestamp":"2026-05-06T10:00:00+00:00","locked":false}}
            """);

        Assert.True(evt.Thread.NewlyCreated);
        Assert.Equal(10080, evt.Thread.ThreadMetadata?.AutoArchiveDuration);
    }

    [Theory]
    [InlineData("THREAD_UPDATE", typeof(ThreadUpdateEvent))]
    [InlineData("THREAD_DELETE", typeof(ThreadDeleteEvent))]
    [InlineData("CHANNEL_CREATE", typeof(ChannelCreateEvent))]
    [InlineData("CHANNEL_UPDATE", typeof(ChannelUpdateEvent))]
    [InlineData("CHANNEL_DELETE", typeof(ChannelDeleteEvent))]
    public void ChannelAndThreadChanges_AreTyped(string name, Type expected)
    {
        using var document = JsonDocument.Parse("""{"id":"4101","guild_id":"2000","parent_id":"4000","type":11}""");

        Assert.IsType(expected, GatewayEventMapper.Map(name, document.RootElement));
    }

    [Fact]
    public void Resumed_IsTyped() => Assert.IsType<ResumedEvent>(Map<ResumedEvent>("RESUMED", "{}"));

    [Fact]
    public void UnknownEvent_KeepsADetachedCopyOfTheRawData()
    {
        UnknownDispatch evt;
        using (var document = JsonDocument.Parse("""{"soundboard":{"sound_id":"9"}}"""))
        {
            evt = Assert.IsType<UnknownDispatch>(GatewayEventMapper.Map("GUILD_SOUNDBOARD_SOUND_CREATE", document.RootElement));
        }

        Assert.Equal("GUILD_SOUNDBOARD_SOUND_CREATE", evt.Name);
        Assert.Equal("9", evt.Raw.GetProperty("soundboard").GetProperty("sound_id").GetString());
        Assert.DoesNotContain("soundboard", evt.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KnownEvent_WithDataOfTheWrongShape_Throws()
    {
        using var document = JsonDocument.Parse("""{"id":{"not":"a snowflake"},"channel_id":"1"}""");

        Assert.ThrowsAny<JsonException>(() => GatewayEventMapper.Map("MESSAGE_CREATE", document.RootElement));
    }

    private static T Map<T>(string name, string json)
        where T : GatewayEvent
    {
        using var document = JsonDocument.Parse(json);
        return Assert.IsType<T>(GatewayEventMapper.Map(name, document.RootElement));
    }
}
