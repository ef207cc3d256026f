using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// Interaction responses (interactions/receiving-and-responding.mdx): the one initial callback within the
/// deadline, then followups and edits through the interaction webhook for the token's lifetime.
/// </summary>
internal sealed class InteractionEndpoints(EmulatorState state, RequestChecks checks)
{
    // Webhook-only fields Discord refuses on interaction followups.
    private static readonly string[] _webhookOnlyFields = ["username", "avatar_url"];

    public const string CallbackTemplate = "/interactions/{interaction_id}/{interaction_token}/callback";

    private const string Original = "@original";

    public void Map(RestRouter router)
    {
        router.Map("POST", CallbackTemplate, CallbackAsync, RouteAuth.None);
        router.Map("POST", "/webhooks/{application_id}/{interaction_token}", FollowupAsync, RouteAuth.None);
        foreach (var target in new[] { "/messages/@original", "/messages/{message_id}" })
        {
            var template = "/webhooks/{application_id}/{interaction_token}" + target;
            router.Map("GET", template, GetMessage, RouteAuth.None);
            router.Map("PATCH", template, EditMessageAsync, RouteAuth.None);
            router.Map("DELETE", template, DeleteMessage, RouteAuth.None);
        }
    }

    // ---- the initial response ----

    private async Task<RestResult> CallbackAsync(RestContext context)
    {
        var interaction = context.Snowflake("interaction_id") is { } id ? state.FindInteraction(id) : null;
        if (interaction is null || interaction.Token != context.Value("interaction_token"))
        {
            return checks.Reject(context, RestResult.UnknownInteraction(),
                $"No interaction {context.Value("interaction_id")} with that token.");
        }

        if (interaction.IsAcknowledged)
        {
            // Discord answers every second initial callback with 40060; it is only the bot's mistake when the bot
            // had heard that the first one succeeded.
            return interaction.AnswerLost
                ? RestResult.AlreadyAcknowledged()
                : checks.Reject(context, RestResult.AlreadyAcknowledged(),
                    $"Interaction {interaction.Id} was already acknowledged: use a followup or edit @original.");
        }

        var now = state.Time.GetUtcNow();
        if (now > interaction.Deadline)
        {
            return checks.Reject(context, RestResult.UnknownInteraction(),
                $"Responded to interaction {interaction.Id} {(now - interaction.CreatedAt).TotalSeconds:0.000} s after INTERACTION_CREATE; "
                + $"the initial response must arrive within {state.Options.InteractionDeadline.TotalSeconds:0.#} s (defer if the work takes longer).");
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        var type = (int)(body["type"].Int() ?? 0);
        var data = body["data"] as JsonObject;
        var errors = new FormErrors();
        if (NotAllowed(interaction, type) is { } why)
        {
            errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", why);
        }

        CheckData(interaction, type, data, context, errors);
        if (await checks.ValidateAsync(context, "interaction_callback", errors) is { } invalid)
        {
            return invalid;
        }

        if (Apply(context, interaction, type, data ?? [], now) is { } refused)
        {
            return refused;
        }

        interaction.Accept(new InteractionResponse(type, data?.Frozen(), now));
        state.Changed();
        return context.Query("with_response") == "true" ? RestResult.Json(CallbackResponse(interaction, type)) : RestResult.NoContent();
    }

    /// <summary>Which callback types answer which interaction types (receiving-and-responding.mdx).</summary>
    private static string? NotAllowed(InteractionHandle interaction, int type) => (interaction.Type, type) switch
    {
        (_, 1) => "PONG (1) only answers PING interactions, which never arrive over the gateway.",
        (4, 8) => null,
        (4, _) => "Autocomplete interactions take AUTOCOMPLETE_RESULT (8) only.",
        (_, 8) => "AUTOCOMPLETE_RESULT (8) only answers autocomplete interactions.",
        (5, 9) => "MODAL (9) is not allowed in reply to a MODAL_SUBMIT.",
        (2, 6 or 7) => "UPDATE_MESSAGE / DEFERRED_UPDATE_MESSAGE (6/7) only answer component interactions.",
        (5, 6 or 7) when interaction.SourceMessage is null => "UPDATE_MESSAGE / DEFERRED_UPDATE_MESSAGE (6/7) answer a modal submit only when the modal came from a component.",
        (_, 4 or 5 or 6 or 7 or 9) => null,
        _ => $"Unknown interaction callback type {type}.",
    };

    private static void CheckData(InteractionHandle interaction, int type, JsonObject? data, RestContext context, FormErrors errors)
    {
        switch (type)
        {
            case 4 when data is null:
                errors.Add("data", "BASE_TYPE_REQUIRED", "CHANNEL_MESSAGE_WITH_SOURCE needs a message in data.");
                break;
            case 4:
                MessageRules.Check(data, "data", errors, MessageComposer.CheckFor(MessageCheck.InteractionMessageFlags, context.Files, null));
                break;
            case 5 when ((data?["flags"].Int() ?? 0) & ~EmulatedMessage.EphemeralFlag) != 0:
                errors.Add("data.flags", "INTERACTION_RESPONSE_FLAGS_INVALID", "With a defer, only the EPHEMERAL flag (64) is valid.");
                break;
            case 7 when data is not null:
                MessageRules.Check(data, "data", errors, MessageComposer.CheckFor(MessageCheck.ChannelMessageFlags, context.Files, interaction.SourceMessage));
                break;
            case 8:
                CheckChoices(data, errors);
                break;
            case 9:
                ModalRules.Check(data, "data", errors);
                break;
        }
    }

    private static void CheckChoices(JsonObject? data, FormErrors errors)
    {
        var choices = data?["choices"] as JsonArray ?? [];
        if (choices.Count > 25)
        {
            errors.Add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        var index = 0;
        foreach (var choice in choices.OfType<JsonObject>())
        {
            var at = FormErrors.Join("data.choices", index++);
            errors.LengthBetween(FormErrors.Join(at, "name"), choice["name"].Str(), 1, 100);
            errors.MaxLength(FormErrors.Join(at, "value"), choice["value"].Str(), 100);
        }
    }

    /// <summary>Makes the response visible; returns a refusal when the result would be empty.</summary>
    private RestResult? Apply(RestContext context, InteractionHandle interaction, int type, JsonObject data, DateTimeOffset now)
    {
        switch (type)
        {
            case 4:
            case 5:
                var message = NewMessage(interaction, data, now);
                if (type == 5)
                {
                    message.Flags |= EmulatedMessage.LoadingFlag;
                }
                else
                {
                    MessageComposer.Apply(message, data, context.Files, state, isEdit: false);
                    if (MessageRules.IsEmpty(message.Content, message.Embeds, message.Components, message.Attachments.Count))
                    {
                        return checks.Reject(context, RestResult.EmptyMessage(), "CHANNEL_MESSAGE_WITH_SOURCE with an empty message.");
                    }
                }

                state.AddMessage(message);
                interaction.OriginalMessageId = message.Id;
                interaction.OriginalCreatedByResponse = true;
                break;
            case 6:
                interaction.OriginalMessageId = interaction.SourceMessage?.Id;
                break;
            case 7:
                var source = interaction.SourceMessage!;
                interaction.OriginalMessageId = source.Id;
                var result = MessageEndpoints.Edit(context, source, data, checks, state);
                if (result.Status != 200)
                {
                    return result;
                }

                break;
        }

        return null;
    }

    private EmulatedMessage NewMessage(InteractionHandle interaction, JsonObject data, DateTimeOffset now)
    {
        var ephemeral = ((data["flags"].Int() ?? 0) & EmulatedMessage.EphemeralFlag) != 0;
        return new EmulatedMessage(state.NextId(), interaction.Channel, state.BotUser, now)
        {
            InteractionId = interaction.Id,
            WebhookId = state.ApplicationId,
            Type = interaction.Type == 2 ? 20 : 0,
            Flags = ephemeral ? EmulatedMessage.EphemeralFlag : 0,
            VisibleTo = ephemeral ? interaction.User : null,
        };
    }

    private JsonObject CallbackResponse(InteractionHandle interaction, int type)
    {
        var original = interaction.Original;
        var json = new JsonObject
        {
            ["interaction"] = new JsonObject
            {
                ["id"] = DiscordJson.Id(interaction.Id),
                ["type"] = interaction.Type,
                ["activity_instance_id"] = null,
                ["response_message_id"] = original is null ? null : DiscordJson.Id(original.Id),
                ["response_message_loading"] = original?.IsLoading,
                ["response_message_ephemeral"] = original?.IsEphemeral,
            },
        };
        var resource = new JsonObject { ["type"] = type };
        if (original is not null && type is 4 or 7)
        {
            resource["message"] = DiscordJson.Message(original, state.BaseUrl);
        }

        json["resource"] = resource;
        return json;
    }

    // ---- followups and edits ----

    private async Task<RestResult> FollowupAsync(RestContext context)
    {
        if (Resolve(context, out var interaction) is { } refused)
        {
            return refused;
        }

        if (!interaction.IsAcknowledged)
        {
            return checks.Reject(context, RestResult.UnknownWebhook(), $"Followup to interaction {interaction.Id} before its initial response.");
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        var errors = new FormErrors();
        if (context.Query("thread_id") is not null)
        {
            errors.Add("thread_id", "INTERACTION_WEBHOOK_PARAMETER_UNSUPPORTED", "thread_id is not supported for interaction followups.");
        }

        foreach (var key in _webhookOnlyFields.Where(body.ContainsKey))
        {
            errors.Add(key, "INTERACTION_WEBHOOK_PARAMETER_UNSUPPORTED", $"{key} is not supported for interaction followups.");
        }

        MessageRules.Check(body, "", errors, MessageComposer.CheckFor(MessageCheck.InteractionMessageFlags, context.Files, null));
        if (await checks.ValidateAsync(context, "execute_webhook", errors) is { } invalid)
        {
            return invalid;
        }

        // After a defer the first followup fills in the "thinking" message, keeping the defer's ephemerality.
        if (interaction.Response is { Type: InteractionResponse.DeferredChannelMessageWithSource } && interaction.Original is { IsLoading: true } loading)
        {
            return MessageEndpoints.Edit(context, loading, body, checks, state);
        }

        var message = NewMessage(interaction, body, state.Time.GetUtcNow());
        message.Type = 0;
        MessageComposer.Apply(message, body, context.Files, state, isEdit: false);
        if (MessageRules.IsEmpty(message.Content, message.Embeds, message.Components, message.Attachments.Count))
        {
            return checks.Reject(context, RestResult.EmptyMessage(), "Followup with an empty message.");
        }

        lock (state.Gate)
        {
            interaction.AddFollowupUnsafe(message);
        }

        state.AddMessage(message);
        return RestResult.Json(DiscordJson.Message(message, state.BaseUrl));
    }

    private RestResult GetMessage(RestContext context)
    {
        if (Resolve(context, out var interaction) is { } refused)
        {
            return refused;
        }

        return Target(context, interaction, out var message) ?? RestResult.Json(DiscordJson.Message(message, state.BaseUrl));
    }

    private async Task<RestResult> EditMessageAsync(RestContext context)
    {
        if (Resolve(context, out var interaction) is { } refused)
        {
            return refused;
        }

        if (Target(context, interaction, out var message) is { } missing)
        {
            return missing;
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
        MessageRules.Check(body, "", errors, MessageComposer.CheckFor(MessageCheck.InteractionMessageFlags, context.Files, message));
        if (await checks.ValidateAsync(context, "edit_webhook_message", errors) is { } invalid)
        {
            return invalid;
        }

        return MessageEndpoints.Edit(context, message, body, checks, state);
    }

    private RestResult DeleteMessage(RestContext context)
    {
        if (Resolve(context, out var interaction) is { } refused)
        {
            return refused;
        }

        if (Target(context, interaction, out var message) is { } missing)
        {
            return missing;
        }

        state.DeleteMessage(message);
        return RestResult.NoContent();
    }

    /// <summary>Finds the interaction behind a webhook url; refuses wrong ids and expired tokens.</summary>
    private RestResult? Resolve(RestContext context, out InteractionHandle interaction)
    {
        interaction = null!;
        if (context.Snowflake("application_id") != state.ApplicationId)
        {
            return checks.Reject(context, RestResult.UnknownWebhook(),
                $"Interaction webhooks use the application id ({state.ApplicationId}), not {context.Value("application_id")}.");
        }

        if (context.Value("interaction_token") is not { } token || state.FindInteractionByToken(token) is not { } found)
        {
            return checks.Reject(context, RestResult.UnknownWebhook(), "No interaction has that token.");
        }

        interaction = found;
        var now = state.Time.GetUtcNow();
        return now > found.TokenExpiry
            ? checks.Reject(context, RestResult.InvalidWebhookToken(),
                $"The token of interaction {found.Id} expired {state.Options.InteractionTokenLifetime.TotalMinutes:0} min after INTERACTION_CREATE.")
            : null;
    }

    private RestResult? Target(RestContext context, InteractionHandle interaction, out EmulatedMessage message)
    {
        message = null!;
        var isOriginal = context.Route.Template.EndsWith(Original, StringComparison.Ordinal);
        EmulatedMessage? found;
        lock (state.Gate)
        {
            found = isOriginal ? interaction.Original
                : context.Snowflake("message_id") is { } id && interaction.OwnsMessageUnsafe(id) ? state.FindMessage(id) : null;
        }

        if (found is null)
        {
            var what = isOriginal
                ? interaction.IsAcknowledged ? "has no @original message (modal or autocomplete response)" : "has no @original before its initial response"
                : $"has no message {context.Value("message_id")}";
            return checks.Reject(context, RestResult.UnknownMessage(), $"Interaction {interaction.Id} {what}.");
        }

        message = found;
        return null;
    }
}
