using System.Globalization;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Renders the emulator's world as Discord API v10 JSON objects (ids as strings).</summary>
internal static class DiscordJson
{
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? at) => at is { } value ? Timestamp(value) : null;

    public static string Id(ulong id) => JsonRead.Id(id);

    public static JsonObject User(EmulatedUser user)
    {
        var json = new JsonObject
        {
            ["id"] = Id(user.Id),
            ["username"] = user.Name,
            ["discriminator"] = "0",
            ["global_name"] = user.IsBot ? null : user.Name,
            ["avatar"] = null,
            ["public_flags"] = 0,
        };
        if (user.IsBot)
        {
            json["bot"] = true;
        }

        return json;
    }

    public static JsonObject Member(EmulatedMember member, bool withUser, bool withPermissions = false)
    {
        var json = new JsonObject
        {
            ["nick"] = null,
            ["avatar"] = null,
            ["roles"] = new JsonArray([.. member.Roles.Select(r => (JsonNode)Id(r.Id))]),
            ["joined_at"] = Timestamp(member.JoinedAt),
            ["premium_since"] = null,
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
            ["pending"] = false,
        };
        if (withUser)
        {
            json["user"] = User(member.User);
        }

        if (withPermissions)
        {
            json["permissions"] = Permissions(member.Permissions);
        }

        return json;
    }

    public static string Permissions(DiscordPermissions permissions) =>
        ((ulong)permissions).ToString(CultureInfo.InvariantCulture);

    public static JsonObject Role(EmulatedRole role) => new()
    {
        ["id"] = Id(role.Id),
        ["name"] = role.Name,
        ["color"] = 0,
        ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
        ["hoist"] = false,
        ["icon"] = null,
        ["unicode_emoji"] = null,
        ["position"] = role.Position,
        ["permissions"] = Permissions(role.Permissions),
        ["managed"] = role == role.Guild.BotRole,
        ["mentionable"] = false,
        ["flags"] = 0,
    };

    public static JsonObject Guild(EmulatedGuild guild) => new()
    {
        ["id"] = Id(guild.Id),
        ["name"] = guild.Name,
        ["icon"] = null,
        ["splash"] = null,
        ["discovery_splash"] = null,
        ["owner_id"] = Id(guild.OwnerId),
        ["afk_channel_id"] = null,
        ["afk_timeout"] = 300,
        ["verification_level"] = 0,
        ["default_message_notifications"] = 1,
        ["explicit_content_filter"] = 0,
        ["roles"] = new JsonArray([.. guild.Roles.Select(r => (JsonNode)Role(r))]),
        ["emojis"] = new JsonArray(),
        ["features"] = new JsonArray(),
        ["mfa_level"] = 0,
        ["application_id"] = null,
        ["system_channel_id"] = null,
        ["system_channel_flags"] = 0,
        ["rules_channel_id"] = null,
        ["vanity_url_code"] = null,
        ["description"] = null,
        ["banner"] = null,
        ["premium_tier"] = 0,
        ["preferred_locale"] = "en-US",
        ["public_updates_channel_id"] = null,
        ["nsfw_level"] = 0,
        ["stickers"] = new JsonArray(),
        ["premium_progress_bar_enabled"] = false,
        ["safety_alerts_channel_id"] = null,
    };

    /// <summary>The GUILD_CREATE shape: the guild plus the bot's view of channels, active threads and members.</summary>
    public static JsonObject GuildCreate(EmulatedGuild guild, EmulatorIntents intents)
    {
        var json = Guild(guild);
        var members = intents.HasFlag(EmulatorIntents.GuildMembers) ? guild.Members : [guild.BotMember];
        json["joined_at"] = Timestamp(guild.BotMember.JoinedAt);
        json["large"] = false;
        json["unavailable"] = false;
        json["member_count"] = guild.Members.Count;
        json["voice_states"] = new JsonArray();
        json["members"] = new JsonArray([.. members.Select(m => (JsonNode)Member(m, withUser: true))]);
        // Channels inside GUILD_CREATE carry no guild_id, as on Discord.
        json["channels"] = new JsonArray([.. guild.Channels.Select(c => (JsonNode)Channel(c, withGuildId: false))]);
        json["threads"] = new JsonArray([.. guild.Threads.Where(t => !t.IsArchived)
            .Select(t => (JsonNode)Channel(t, withGuildId: false))]);
        json["presences"] = new JsonArray();
        json["stage_instances"] = new JsonArray();
        json["guild_scheduled_events"] = new JsonArray();
        json["soundboard_sounds"] = new JsonArray();
        return json;
    }

    public static JsonObject Channel(EmulatedChannel channel, bool withGuildId = true)
    {
        var lastMessage = channel.Messages.LastOrDefault(m => m.VisibleTo is null);
        var json = new JsonObject
        {
            ["id"] = Id(channel.Id),
            ["type"] = (int)channel.Kind,
            ["last_message_id"] = lastMessage is null ? null : Id(lastMessage.Id),
            ["flags"] = 0,
        };
        if (channel.Kind == ChannelKind.Dm)
        {
            json["recipients"] = new JsonArray(User(channel.Recipient!));
            return json;
        }

        if (withGuildId)
        {
            json["guild_id"] = Id(channel.Guild!.Id);
        }

        json["name"] = channel.Name;
        json["rate_limit_per_user"] = 0;
        if (channel.IsThread)
        {
            AddThreadFields(json, channel);
            return json;
        }

        json["position"] = channel.Guild!.Channels.ToList().IndexOf(channel);
        json["parent_id"] = null;
        json["topic"] = channel.Topic;
        json["nsfw"] = false;
        json["permission_overwrites"] = new JsonArray();
        json["default_auto_archive_duration"] = 1440;
        if (channel.Kind == ChannelKind.GuildForum)
        {
            json["available_tags"] = new JsonArray([.. channel.AvailableTags.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = Id(t.Id),
                ["name"] = t.Name,
                ["moderated"] = t.Moderated,
                ["emoji_id"] = null,
                ["emoji_name"] = null,
            })]);
            json["default_reaction_emoji"] = null;
            json["default_thread_rate_limit_per_user"] = 0;
            json["default_sort_order"] = null;
            json["default_forum_layout"] = 0;
        }

        return json;
    }

    private static void AddThreadFields(JsonObject json, EmulatedChannel thread)
    {
        var messages = thread.Messages.Count(m => m.VisibleTo is null);
        json["parent_id"] = Id(thread.Parent!.Id);
        json["owner_id"] = thread.Owner is null ? null : Id(thread.Owner.Id);
        json["message_count"] = messages;
        json["total_message_sent"] = messages;
        json["member_count"] = 1;
        var metadata = new JsonObject
        {
            ["archived"] = thread.IsArchived,
            ["auto_archive_duration"] = thread.AutoArchiveDuration,
            ["archive_timestamp"] = Timestamp(thread.ArchiveTimestamp ?? thread.CreatedAt),
            ["locked"] = thread.IsLocked,
            ["create_timestamp"] = Timestamp(thread.CreatedAt),
        };
        if (thread.Kind == ChannelKind.PrivateThread)
        {
            metadata["invitable"] = thread.IsInvitable;
        }

        json["thread_metadata"] = metadata;
        if (thread.Parent.Kind == ChannelKind.GuildForum)
        {
            json["applied_tags"] = new JsonArray([.. thread.AppliedTags.Select(t => (JsonNode)Id(t))]);
        }
    }

    public static JsonObject Attachment(EmulatedAttachment attachment, EmulatedChannel channel, Uri baseUrl)
    {
        var url = new Uri(baseUrl, $"attachments/{channel.Id}/{attachment.Id}/{Uri.EscapeDataString(attachment.FileName)}");
        var json = new JsonObject
        {
            ["id"] = Id(attachment.Id),
            ["filename"] = attachment.FileName,
            ["size"] = attachment.Content.Length,
            ["url"] = url.ToString(),
            ["proxy_url"] = url.ToString(),
            ["content_type"] = attachment.ContentType,
        };
        if (attachment.Description is { } description)
        {
            json["description"] = description;
        }

        return json;
    }

    public static JsonObject Message(EmulatedMessage message, Uri baseUrl, bool includeReference = true)
    {
        var channel = message.Channel;
        var json = new JsonObject
        {
            ["id"] = Id(message.Id),
            ["type"] = message.Type,
            ["channel_id"] = Id(channel.Id),
            ["author"] = User(message.Author),
            ["content"] = message.Content,
            ["timestamp"] = Timestamp(message.CreatedAt),
            ["edited_timestamp"] = Timestamp(message.EditedAt),
            ["tts"] = false,
            ["mention_everyone"] = message.Pings.Everyone,
            ["mentions"] = new JsonArray([.. message.Pings.Users
                .Select(id => channel.State.FindUser(id))
                .OfType<EmulatedUser>()
                .Select(u => (JsonNode)User(u))]),
            ["mention_roles"] = new JsonArray([.. message.Pings.Roles.Select(id => (JsonNode)Id(id))]),
            ["attachments"] = new JsonArray([.. message.Attachments
                .Select(a => (JsonNode)Attachment(a, channel, baseUrl))]),
            ["embeds"] = message.Embeds.DeepClone(),
            ["components"] = message.Components.DeepClone(),
            ["pinned"] = message.IsPinned,
            ["flags"] = message.Flags,
        };
        if (message.WebhookId is { } webhookId)
        {
            json["webhook_id"] = Id(webhookId);
            json["application_id"] = Id(webhookId);
        }

        if (message.InteractionId is { } interactionId && channel.State.FindInteraction(interactionId) is { } interaction)
        {
            json["interaction_metadata"] = new JsonObject
            {
                ["id"] = Id(interaction.Id),
                ["type"] = interaction.Type,
                ["user"] = User(interaction.User),
                ["authorizing_integration_owners"] = new JsonObject(),
            };
        }

        if (message.ReplyTo is { } replyTo)
        {
            json["message_reference"] = new JsonObject
            {
                ["type"] = 0,
                ["message_id"] = Id(replyTo.Id),
                ["channel_id"] = Id(replyTo.Channel.Id),
                ["guild_id"] = replyTo.Channel.Guild is { } g ? Id(g.Id) : null,
            };
            if (includeReference)
            {
                json["referenced_message"] = replyTo.IsDeleted ? null : Message(replyTo, baseUrl, includeReference: false);
            }
        }

        if (message.Thread is { } thread)
        {
            json["thread"] = Channel(thread);
        }

        if (channel.IsThread)
        {
            json["position"] = channel.Messages.ToList().IndexOf(message);
        }

        return json;
    }

    /// <summary>MESSAGE_CREATE / MESSAGE_UPDATE carry guild_id, the author's member and the channel type.</summary>
    public static JsonObject MessageEvent(EmulatedMessage message, Uri baseUrl)
    {
        var json = Message(message, baseUrl);
        json["channel_type"] = (int)message.Channel.Kind;
        if (message.Channel.Guild is { } guild)
        {
            json["guild_id"] = Id(guild.Id);
            if (guild.GetMember(message.Author) is { } member)
            {
                json["member"] = Member(member, withUser: false);
            }
        }

        return json;
    }
}
