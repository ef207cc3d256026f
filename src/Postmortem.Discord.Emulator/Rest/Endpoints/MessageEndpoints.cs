using System.Globalization;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Channel messages and pins (resources/message.mdx, resources/channel.mdx "Pin Message").</summary>
internal sealed class MessageEndpoints(EmulatorState state, RequestChecks checks)
{
    /// <summary>How long Discord remembers an enforced nonce ("the past few minutes").</summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    private const int MaxPins = 250;

    public void Map(RestRouter router)
    {
        router.Map("GET", "/channels/{channel_id}/messages", List);
        router.Map("POST", "/channels/{channel_id}/messages", CreateAsync);
        router.Map("GET", "/channels/{channel_id}/messages/{message_id}", Get);
        router.Map("PATCH", "/channels/{channel_id}/messages/{message_id}", EditAsync);
        router.Map("DELETE", "/channels/{channel_id}/messages/{message_id}", Delete);
        router.Map("GET", "/channels/{channel_id}/messages/pins", ListPins);
        router.Map("PUT", "/channels/{channel_id}/messages/pins/{message_id}", c => Pin(c, pinned: true));
        router.Map("DELETE", "/channels/{channel_id}/messages/pins/{message_id}", c => Pin(c, pinned: false));
        router.Map("GET", "/channels/{channel_id}/pins", ListPinsLegacy);
        router.Map("PUT", "/channels/{channel_id}/pins/{message_id}", c => Pin(c, pinned: true));
        router.Map("DELETE", "/channels/{channel_id}/pins/{message_id}", c => Pin(c, pinned: false));
    }

    private RestResult List(RestContext context)
    {
        if (Channel(context) is not { } channel)
        {
            return RestResult.UnknownChannel();
        }

        var limit = 50;
        if (context.Query("limit") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            var errors = new FormErrors();
            errors.Add("limit", "NUMBER_TYPE_MAX", "Value must be between 1 and 100.");
            return checks.Reject(context, RestResult.InvalidFormBody(errors), $"limit={text} is outside 1-100.");
        }

        IEnumerable<EmulatedMessage> messages = channel.PublicMessages;
        if (Id(context.Query("before")) is { } before)
        {
            messages = messages.Where(m => m.Id < before);
        }

        if (Id(context.Query("after")) is { } after)
        {
            messages = messages.Where(m => m.Id > after);
        }

        var page = Id(context.Query("after")) is not null
            ? messages.Take(limit).Reverse()
            : messages.Reverse().Take(limit);
        return RestResult.Json(new JsonArray([.. page.Select(m => (JsonNode)DiscordJson.Message(m, state.BaseUrl))]));
    }

    private async Task<RestResult> CreateAsync(RestContext context)
    {
        if (Channel(context) is not { } channel)
        {
            return RestResult.UnknownChannel();
        }

        if (channel.Kind == ChannelKind.GuildForum)
        {
            return checks.Reject(context, RestResult.NonTextChannel(), $"Cannot post a message directly in forum channel {channel.Name}: create a post (thread).");
        }

        if (channel.Recipient is { AcceptsDms: false })
        {
            return RestResult.CannotMessageUser();
        }

        var needed = DiscordPermissions.ViewChannel | (channel.IsThread ? DiscordPermissions.SendMessagesInThreads : DiscordPermissions.SendMessages);
        if (!channel.BotCan(needed))
        {
            return RestResult.MissingPermissions();
        }

        if (channel is { IsArchived: true, IsLocked: true })
        {
            return checks.Reject(context, RestResult.ArchivedThread(), $"Thread {channel.Name} is archived and locked.");
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        var errors = new FormErrors();
        MessageRules.Check(body, "", errors, MessageComposer.CheckFor(MessageCheck.ChannelMessageFlags, context.Files, null));
        var replyTo = ReferencedMessage(body, channel, errors);
        if (await checks.ValidateAsync(context, "create_message", errors) is { } invalid)
        {
            return invalid;
        }

        // resources/message.mdx: with enforce_nonce, a nonce the same author used in the past few minutes returns
        // that message and creates none, so a retry after a lost answer never posts twice.
        var now = state.Time.GetUtcNow();
        var nonce = body["enforce_nonce"].Bool() == true ? body["nonce"].Str() ?? body["nonce"].Int()?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        if (nonce is not null && channel.Messages.LastOrDefault(m =>
                m.EnforcedNonce == nonce && m.Author == state.BotUser && now - m.CreatedAt <= NonceWindow) is { } earlier)
        {
            return RestResult.Json(DiscordJson.Message(earlier, state.BaseUrl));
        }

        var message = new EmulatedMessage(state.NextId(), channel, state.BotUser, now)
        {
            ReplyTo = replyTo,
            Type = replyTo is null ? 0 : 19,
            EnforcedNonce = nonce,
        };
        MessageComposer.Apply(message, body, context.Files, state, isEdit: false);
        if (MessageRules.IsEmpty(message.Content, message.Embeds, message.Components, message.Attachments.Count))
        {
            return checks.Reject(context, RestResult.EmptyMessage(), "Cannot send an empty message: no content, embeds, components or files.");
        }

        state.AddMessage(message);
        return RestResult.Json(DiscordJson.Message(message, state.BaseUrl));
    }

    private RestResult Get(RestContext context) =>
        Message(context) is { } message
            ? RestResult.Json(DiscordJson.Message(message, state.BaseUrl))
            : Channel(context) is null ? RestResult.UnknownChannel() : RestResult.UnknownMessage();

    private async Task<RestResult> EditAsync(RestContext context)
    {
        if (Message(context) is not { } message)
        {
            return Channel(context) is null ? RestResult.UnknownChannel() : RestResult.UnknownMessage();
        }

        if (message.Author != state.BotUser)
        {
            return checks.Reject(context, RestResult.CannotEditOthersMessage(), $"Message {message.Id} was written by {message.Author.Name}, not the bot.");
        }

        if (message.Channel.IsArchived)
        {
            return checks.Reject(context, RestResult.ArchivedThread(), $"Edited a message in archived thread {message.Channel.Name}.");
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        var errors = new FormErrors();
        MessageRules.Check(body, "", errors, MessageComposer.CheckFor(MessageCheck.ChannelMessageFlags, context.Files, message));
        if (await checks.ValidateAsync(context, "edit_message", errors) is { } invalid)
        {
            return invalid;
        }

        return Edit(context, message, body, checks, state);
    }

    /// <summary>Applies an edit unless the result would be empty (shared with webhook message edits).</summary>
    internal static RestResult Edit(RestContext context, EmulatedMessage message, JsonObject body, RequestChecks checks, EmulatorState state)
    {
        var preview = new EmulatedMessage(message.Id, message.Channel, message.Author, message.CreatedAt)
        {
            Content = message.Content,
            Embeds = message.Embeds,
            Components = message.Components,
            Attachments = message.Attachments,
            Flags = message.Flags,
        };
        MessageComposer.Apply(preview, body, context.Files, state, isEdit: true);
        if (MessageRules.IsEmpty(preview.Content, preview.Embeds, preview.Components, preview.Attachments.Count))
        {
            return checks.Reject(context, RestResult.EmptyMessage(), "The edit would leave the message empty.");
        }

        var editedAt = state.Time.GetUtcNow();
        state.UpdateMessage(message, m =>
        {
            MessageComposer.Apply(m, body, context.Files, state, isEdit: true);
            m.Flags &= ~EmulatedMessage.LoadingFlag;
            m.EditedAt = editedAt;
        });
        return RestResult.Json(DiscordJson.Message(message, state.BaseUrl));
    }

    private RestResult Delete(RestContext context)
    {
        if (Message(context) is not { } message)
        {
            return Channel(context) is null ? RestResult.UnknownChannel() : RestResult.UnknownMessage();
        }

        if (message.Author != state.BotUser && !message.Channel.BotCan(DiscordPermissions.ManageMessages))
        {
            return RestResult.MissingPermissions();
        }

        state.DeleteMessage(message);
        return RestResult.NoContent();
    }

    private RestResult ListPins(RestContext context)
    {
        if (Channel(context) is not { } channel)
        {
            return RestResult.UnknownChannel();
        }

        return RestResult.Json(new JsonObject
        {
            ["items"] = new JsonArray([.. channel.PinnedMessages.Reverse().Select(m => (JsonNode)new JsonObject
            {
                ["pinned_at"] = DiscordJson.Timestamp(m.PinnedAt ?? m.CreatedAt),
                ["message"] = DiscordJson.Message(m, state.BaseUrl),
            })]),
            ["has_more"] = false,
        });
    }

    private RestResult ListPinsLegacy(RestContext context) =>
        Channel(context) is { } channel
            ? RestResult.Json(new JsonArray([.. channel.PinnedMessages.Reverse().Select(m => (JsonNode)DiscordJson.Message(m, state.BaseUrl))]))
            : RestResult.UnknownChannel();

    private RestResult Pin(RestContext context, bool pinned)
    {
        if (Message(context) is not { } message)
        {
            return Channel(context) is null ? RestResult.UnknownChannel() : RestResult.UnknownMessage();
        }

        var channel = message.Channel;
        if (!channel.BotCan(DiscordPermissions.PinMessages) && !channel.BotCan(DiscordPermissions.ManageMessages))
        {
            return RestResult.MissingPermissions();
        }

        if (pinned && !message.IsPinned && channel.PinnedMessages.Count >= MaxPins)
        {
            return RestResult.MaxPins();
        }

        if (message.IsPinned == pinned)
        {
            return RestResult.NoContent();
        }

        var now = state.Time.GetUtcNow();
        state.UpdateMessage(message, m =>
        {
            m.IsPinned = pinned;
            m.PinnedAt = pinned ? now : null;
        });
        state.Dispatch(GatewayEvents.ChannelPinsUpdate(channel));
        if (pinned)
        {
            // Discord posts a "pinned a message" system message (type 6) replying to the pinned one.
            state.AddMessage(new EmulatedMessage(state.NextId(), channel, state.BotUser, now) { Type = 6, ReplyTo = message });
        }

        return RestResult.NoContent();
    }

    private EmulatedMessage? ReferencedMessage(JsonObject body, EmulatedChannel channel, FormErrors errors)
    {
        if (body["message_reference"] is not JsonObject reference)
        {
            return null;
        }

        var target = reference["message_id"].Snowflake() is { } id ? state.FindMessage(id) : null;
        var channelId = reference["channel_id"].Snowflake() ?? channel.Id;
        if (target is null || target.Channel.Id != channelId)
        {
            if (reference["fail_if_not_exists"].Bool() != false)
            {
                errors.Add("message_reference.message_id", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
            }

            return null;
        }

        return target;
    }

    private EmulatedChannel? Channel(RestContext context) =>
        context.Snowflake("channel_id") is { } id ? state.FindChannel(id) : null;

    private EmulatedMessage? Message(RestContext context) =>
        Channel(context) is { } channel && context.Snowflake("message_id") is { } id
            && state.FindMessage(id) is { } message && message.Channel == channel
            ? message
            : null;

    private static ulong? Id(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
