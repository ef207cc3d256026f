using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Channels, threads (text and forum) and guild lookups (resources/channel.mdx, resources/guild.mdx).</summary>
internal sealed class ChannelEndpoints(EmulatorState state, RequestChecks checks)
{
    public void Map(RestRouter router)
    {
        router.Map("GET", "/channels/{channel_id}", GetChannel);
        router.Map("PATCH", "/channels/{channel_id}", UpdateChannelAsync);
        router.Map("DELETE", "/channels/{channel_id}", DeleteChannel);
        router.Map("POST", "/channels/{channel_id}/messages/{message_id}/threads", StartThreadFromMessageAsync);
        router.Map("POST", "/channels/{channel_id}/threads", StartThreadAsync);
        router.Map("GET", "/guilds/{guild_id}", c => Guild(c) is { } g ? RestResult.Json(DiscordJson.Guild(g)) : RestResult.UnknownGuild());
        router.Map("GET", "/guilds/{guild_id}/channels", GuildChannels);
        router.Map("GET", "/guilds/{guild_id}/threads/active", ActiveThreads);
        router.Map("GET", "/guilds/{guild_id}/roles", c => Guild(c) is { } g
            ? RestResult.Json(new JsonArray([.. g.Roles.Select(r => (JsonNode)DiscordJson.Role(r))]))
            : RestResult.UnknownGuild());
        router.Map("GET", "/guilds/{guild_id}/members/{user_id}", GuildMember);
    }

    private RestResult GetChannel(RestContext context) =>
        Channel(context) is { } channel ? RestResult.Json(DiscordJson.Channel(channel)) : RestResult.UnknownChannel();

    private async Task<RestResult> UpdateChannelAsync(RestContext context)
    {
        if (Channel(context) is not { } channel)
        {
            return RestResult.UnknownChannel();
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        var errors = new FormErrors();
        if (channel.IsThread)
        {
            ThreadRules.Check(body, errors, nameRequired: false);
            CheckAppliedTags(body, channel.Parent!, errors);
        }
        else
        {
            errors.LengthBetween("name", body["name"].Str(), 1, 100, required: false);
            errors.MaxLength("topic", body["topic"].Str(), channel.Kind == ChannelKind.GuildForum ? 4096 : 1024);
            CheckAvailableTags(body, channel, errors);
        }

        if (await checks.ValidateAsync(context, channel.IsThread ? "update_thread" : "update_channel", errors) is { } invalid)
        {
            return invalid;
        }

        if (!MayUpdate(channel, body))
        {
            return RestResult.MissingPermissions();
        }

        var now = state.Time.GetUtcNow();
        state.UpdateChannel(channel, c =>
        {
            c.Name = body["name"].Str() ?? c.Name;
            if (body.ContainsKey("topic"))
            {
                c.Topic = body["topic"].Str();
            }

            if (body["archived"].Bool() is { } archived && archived != c.IsArchived)
            {
                c.IsArchived = archived;
                c.ArchiveTimestamp = now;
            }

            c.IsLocked = body["locked"].Bool() ?? c.IsLocked;
            c.IsInvitable = body["invitable"].Bool() ?? c.IsInvitable;
            c.AutoArchiveDuration = (int)(body["auto_archive_duration"].Int() ?? c.AutoArchiveDuration);
            if (body["applied_tags"] is JsonArray tags)
            {
                c.AppliedTagsUnsafe = [.. tags.Select(t => t.Snowflake()).OfType<ulong>()];
            }

            if (body["available_tags"] is JsonArray available)
            {
                // resources/channel.mdx "Modify Channel": the list replaces the forum's tags; new tags get an id.
                var replaced = available.OfType<JsonObject>()
                    .Select(t => new ForumTag(t["id"].Snowflake() ?? state.NextId(), t["name"].Str()!, t["moderated"].Bool() ?? false))
                    .ToList();
                c.AvailableTagsUnsafe.Clear();
                c.AvailableTagsUnsafe.AddRange(replaced);
            }
        });
        return RestResult.Json(DiscordJson.Channel(channel));
    }

    /// <summary>Threads: the owner may rename and archive its own thread; locking and others' threads need MANAGE_THREADS.</summary>
    private bool MayUpdate(EmulatedChannel channel, JsonObject body)
    {
        if (!channel.IsThread)
        {
            return channel.BotCan(DiscordPermissions.ManageChannels);
        }

        var ownsThread = channel.Owner == state.BotUser && !body.ContainsKey("locked");
        return ownsThread || channel.BotCan(DiscordPermissions.ManageThreads);
    }

    private RestResult DeleteChannel(RestContext context)
    {
        if (Channel(context) is not { } channel)
        {
            return RestResult.UnknownChannel();
        }

        if (!channel.IsThread)
        {
            return checks.Reject(context, RestResult.MissingPermissions(), "The emulator only lets the bot delete threads.");
        }

        if (!channel.BotCan(DiscordPermissions.ManageThreads))
        {
            return RestResult.MissingPermissions();
        }

        state.DeleteThread(channel);
        return RestResult.Json(DiscordJson.Channel(channel));
    }

    private async Task<RestResult> StartThreadFromMessageAsync(RestContext context)
    {
        if (Channel(context) is not { } parent)
        {
            return RestResult.UnknownChannel();
        }

        if (parent.Kind is not (ChannelKind.GuildText or ChannelKind.GuildAnnouncement))
        {
            return checks.Reject(context, RestResult.WrongChannelType(), $"Threads start from messages in text or announcement channels, not {parent.Kind}.");
        }

        if (context.Snowflake("message_id") is not { } messageId || state.FindMessage(messageId) is not { } message || message.Channel != parent)
        {
            return RestResult.UnknownMessage();
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        var errors = new FormErrors();
        ThreadRules.Check(body, errors, nameRequired: true);
        if (await checks.ValidateAsync(context, "create_thread_from_message", errors) is { } invalid)
        {
            return invalid;
        }

        if (message.Thread is not null)
        {
            return checks.Reject(context, RestResult.ThreadAlreadyCreated(), $"Message {message.Id} already has a thread.");
        }

        if (!parent.BotCan(DiscordPermissions.CreatePublicThreads))
        {
            return RestResult.MissingPermissions();
        }

        // The thread takes the message's id (topics/threads.mdx), which is why a message has at most one thread.
        var kind = parent.Kind == ChannelKind.GuildAnnouncement ? ChannelKind.AnnouncementThread : ChannelKind.PublicThread;
        var thread = state.CreateThread(parent, message.Id, body["name"].Str()!, kind, state.BotUser,
            (int)(body["auto_archive_duration"].Int() ?? 1440), []);
        state.UpdateMessage(message, m => m.Thread = thread);
        return RestResult.Json(DiscordJson.Channel(thread), 201);
    }

    private async Task<RestResult> StartThreadAsync(RestContext context)
    {
        if (Channel(context) is not { } parent)
        {
            return RestResult.UnknownChannel();
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        return parent.Kind switch
        {
            ChannelKind.GuildForum => await StartForumPostAsync(context, parent, body),
            ChannelKind.GuildText or ChannelKind.GuildAnnouncement => await StartThreadWithoutMessageAsync(context, parent, body),
            _ => checks.Reject(context, RestResult.WrongChannelType(), $"Cannot start a thread in a {parent.Kind} channel."),
        };
    }

    private async Task<RestResult> StartThreadWithoutMessageAsync(RestContext context, EmulatedChannel parent, JsonObject body)
    {
        var errors = new FormErrors();
        ThreadRules.Check(body, errors, nameRequired: true);
        // resources/channel.mdx: type defaults to PRIVATE_THREAD (12); announcement threads need an announcement parent.
        var kind = (ChannelKind)(body["type"].Int() ?? (long)ChannelKind.PrivateThread);
        if (kind is not (ChannelKind.AnnouncementThread or ChannelKind.PublicThread or ChannelKind.PrivateThread)
            || (kind == ChannelKind.AnnouncementThread) != (parent.Kind == ChannelKind.GuildAnnouncement))
        {
            errors.Add("type", "BASE_TYPE_CHOICES", $"Thread type {(int)kind} is not valid in a {parent.Kind} channel.");
        }

        if (await checks.ValidateAsync(context, "create_thread", errors) is { } invalid)
        {
            return invalid;
        }

        var needed = kind == ChannelKind.PrivateThread ? DiscordPermissions.CreatePrivateThreads : DiscordPermissions.CreatePublicThreads;
        if (!parent.BotCan(needed))
        {
            return RestResult.MissingPermissions();
        }

        var thread = state.CreateThread(parent, state.NextId(), body["name"].Str()!, kind, state.BotUser,
            (int)(body["auto_archive_duration"].Int() ?? 1440), []);
        if (body["invitable"].Bool() is { } invitable)
        {
            state.UpdateChannel(thread, t => t.IsInvitable = invitable);
        }

        return RestResult.Json(DiscordJson.Channel(thread), 201);
    }

    private async Task<RestResult> StartForumPostAsync(RestContext context, EmulatedChannel forum, JsonObject body)
    {
        var errors = new FormErrors();
        ThreadRules.Check(body, errors, nameRequired: true);
        CheckAppliedTags(body, forum, errors);
        var starter = body["message"] as JsonObject;
        if (starter is null)
        {
            errors.Add("message", "BASE_TYPE_REQUIRED", "A forum post needs a starter message.");
        }
        else
        {
            MessageRules.Check(starter, "message", errors, MessageComposer.CheckFor(MessageCheck.ChannelMessageFlags, context.Files, null));
        }

        if (await checks.ValidateAsync(context, "create_forum_thread", errors) is { } invalid)
        {
            return invalid;
        }

        if (!forum.BotCan(DiscordPermissions.SendMessages))
        {
            return RestResult.MissingPermissions();
        }

        // A forum post's starter message has the thread's id.
        var id = state.NextId();
        var now = state.Time.GetUtcNow();
        var probe = new EmulatedMessage(id, forum, state.BotUser, now);
        MessageComposer.Apply(probe, starter!, context.Files, state, isEdit: false);
        if (MessageRules.IsEmpty(probe.Content, probe.Embeds, probe.Components, probe.Attachments.Count))
        {
            return checks.Reject(context, RestResult.EmptyMessage(), "The forum post's starter message is empty.");
        }

        var tags = (body["applied_tags"] as JsonArray ?? []).Select(t => t.Snowflake()).OfType<ulong>().ToList();
        var thread = state.CreateThread(forum, id, body["name"].Str()!, ChannelKind.PublicThread, state.BotUser,
            (int)(body["auto_archive_duration"].Int() ?? 1440), tags);
        var message = new EmulatedMessage(id, thread, state.BotUser, now);
        MessageComposer.Apply(message, starter!, context.Files, state, isEdit: false);
        state.AddMessage(message);
        var json = DiscordJson.Channel(thread);
        json["message"] = DiscordJson.Message(message, state.BaseUrl);
        return RestResult.Json(json, 201);
    }

    private static void CheckAppliedTags(JsonObject body, EmulatedChannel forum, FormErrors errors)
    {
        if (body["applied_tags"] is not JsonArray tags)
        {
            return;
        }

        if (forum.Kind != ChannelKind.GuildForum)
        {
            errors.Add("applied_tags", "CHANNEL_TAGS_NOT_ALLOWED", "Only forum posts carry tags.");
            return;
        }

        if (tags.Count > 5)
        {
            errors.Add("applied_tags", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        }

        var index = 0;
        foreach (var tag in tags)
        {
            if (tag.Snowflake() is not { } id || !forum.AvailableTags.Any(t => t.Id == id))
            {
                errors.Add(FormErrors.Join("applied_tags", index), "CHANNEL_TAG_UNKNOWN",
                    $"Tag {tag?.ToJsonString()} is not one of {forum.Name}'s available tags.");
            }

            index++;
        }
    }

    /// <summary>Forum channels take up to 20 tags, names 1-20 characters; listed ids must be existing tags.</summary>
    private static void CheckAvailableTags(JsonObject body, EmulatedChannel channel, FormErrors errors)
    {
        if (body["available_tags"] is not JsonArray tags)
        {
            return;
        }

        if (channel.Kind != ChannelKind.GuildForum)
        {
            errors.Add("available_tags", "CHANNEL_TAGS_NOT_ALLOWED", "Only forum channels have available tags.");
            return;
        }

        if (tags.Count > 20)
        {
            errors.Add("available_tags", "BASE_TYPE_MAX_LENGTH", "Must be 20 or fewer in length.");
        }

        var index = 0;
        foreach (var tag in tags)
        {
            var at = FormErrors.Join("available_tags", index++);
            errors.LengthBetween(FormErrors.Join(at, "name"), tag?["name"].Str(), 1, 20);
            if (tag?["id"].Snowflake() is { } id && !channel.AvailableTags.Any(t => t.Id == id))
            {
                errors.Add(FormErrors.Join(at, "id"), "CHANNEL_TAG_UNKNOWN", $"Tag {id} is not one of {channel.Name}'s tags.");
            }
        }
    }

    private RestResult GuildChannels(RestContext context) =>
        Guild(context) is { } guild
            ? RestResult.Json(new JsonArray([.. guild.Channels.Select(c => (JsonNode)DiscordJson.Channel(c))]))
            : RestResult.UnknownGuild();

    private RestResult ActiveThreads(RestContext context) =>
        Guild(context) is { } guild
            ? RestResult.Json(new JsonObject
            {
                ["threads"] = new JsonArray([.. guild.Threads.Where(t => !t.IsArchived).Select(t => (JsonNode)DiscordJson.Channel(t))]),
                ["members"] = new JsonArray(),
            })
            : RestResult.UnknownGuild();

    private RestResult GuildMember(RestContext context)
    {
        if (Guild(context) is not { } guild)
        {
            return RestResult.UnknownGuild();
        }

        return context.Snowflake("user_id") is { } id && state.FindUser(id) is { } user && guild.GetMember(user) is { } member
            ? RestResult.Json(DiscordJson.Member(member, withUser: true))
            : RestResult.UnknownMember();
    }

    private EmulatedChannel? Channel(RestContext context) =>
        context.Snowflake("channel_id") is { } id ? state.FindChannel(id) : null;

    private EmulatedGuild? Guild(RestContext context) =>
        context.Snowflake("guild_id") is { } id ? state.FindGuild(id) : null;
}
