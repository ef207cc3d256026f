using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Guild scheduled events: list, create, get, modify (including status changes) and delete.</summary>
internal sealed class ScheduledEventEndpoints(EmulatorState state, RequestChecks checks)
{
    private const string Path = "/guilds/{guild_id}/scheduled-events";
    private const int UnknownScheduledEvent = 10070;

    public void Map(RestRouter router)
    {
        router.Map("GET", Path, List);
        router.Map("POST", Path, CreateAsync);
        router.Map("GET", Path + "/{event_id}", Get);
        router.Map("PATCH", Path + "/{event_id}", ModifyAsync);
        router.Map("DELETE", Path + "/{event_id}", Delete);
    }

    private RestResult List(RestContext context) =>
        Guild(context) is { } guild
            ? RestResult.Json(new JsonArray([.. guild.ScheduledEvents.Select(e => (JsonNode)e.ToJson())]))
            : RestResult.UnknownGuild();

    private RestResult Get(RestContext context) =>
        Guild(context) is not { } guild ? RestResult.UnknownGuild()
        : Find(context, guild) is { } found ? RestResult.Json(found.ToJson())
        : RestResult.Error(404, UnknownScheduledEvent, "Unknown Guild Scheduled Event");

    private async Task<RestResult> CreateAsync(RestContext context)
    {
        if (Guild(context) is not { } guild)
        {
            return RestResult.UnknownGuild();
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        if (!guild.BotPermissions.HasFlag(DiscordPermissions.CreateEvents) && !guild.BotPermissions.HasFlag(DiscordPermissions.ManageEvents))
        {
            return checks.Reject(context, RestResult.MissingPermissions(), "403 Missing Permissions: creating a scheduled event needs Create Events.");
        }

        var errors = new FormErrors();
        ScheduledEventRules.Check(body, guild, state.Time.GetUtcNow(), creating: true, errors);
        if (await checks.ValidateAsync(context, "create_scheduled_event", errors) is { } invalid)
        {
            return invalid;
        }

        var created = new EmulatedScheduledEvent(state.NextId(), guild, state.BotUser.Id);
        Apply(created, body);
        state.AddScheduledEvent(created);
        return RestResult.Json(created.ToJson());
    }

    private async Task<RestResult> ModifyAsync(RestContext context)
    {
        if (Guild(context) is not { } guild)
        {
            return RestResult.UnknownGuild();
        }

        if (Find(context, guild) is not { } existing)
        {
            return RestResult.Error(404, UnknownScheduledEvent, "Unknown Guild Scheduled Event");
        }

        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        if (!CanManage(guild, existing))
        {
            return checks.Reject(context, RestResult.MissingPermissions(), "403 Missing Permissions: changing another's scheduled event needs Manage Events.");
        }

        var errors = new FormErrors();
        // Re-parsed so its numbers read like a request body's (JsonElement-backed), whatever built them.
        var merged = (JsonObject)JsonNode.Parse(existing.ToJson().ToJsonString())!;
        foreach (var (key, value) in body)
        {
            merged[key] = value?.DeepClone();
        }

        if (body["status"].Int() is { } status && !ScheduledEventRules.CanMove(existing.Status, (int)status))
        {
            errors.Add("status", "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION",
                $"A scheduled event cannot go from status {existing.Status} to {status}.");
        }

        ScheduledEventRules.Check(merged, guild, state.Time.GetUtcNow(), creating: false, errors);
        if (await checks.ValidateAsync(context, "modify_scheduled_event", errors) is { } invalid)
        {
            return invalid;
        }

        lock (state.Gate)
        {
            Apply(existing, merged);
            existing.Status = (int)(merged["status"].Int() ?? existing.Status);
        }

        state.Changed();
        return RestResult.Json(existing.ToJson());
    }

    private RestResult Delete(RestContext context)
    {
        if (Guild(context) is not { } guild)
        {
            return RestResult.UnknownGuild();
        }

        if (Find(context, guild) is not { } existing)
        {
            return RestResult.Error(404, UnknownScheduledEvent, "Unknown Guild Scheduled Event");
        }

        if (!CanManage(guild, existing))
        {
            return checks.Reject(context, RestResult.MissingPermissions(), "403 Missing Permissions: deleting another's scheduled event needs Manage Events.");
        }

        existing.IsDeleted = true;
        state.Changed();
        return RestResult.NoContent();
    }

    private static void Apply(EmulatedScheduledEvent target, JsonObject body)
    {
        target.Name = body["name"].Str() ?? target.Name;
        target.Description = body["description"].Str();
        target.EntityType = (int)(body["entity_type"].Int() ?? target.EntityType);
        target.ChannelId = body["channel_id"].Snowflake();
        target.Location = body["entity_metadata"]?["location"].Str();
        target.StartsAt = DateTimeOffset.Parse(body["scheduled_start_time"].Str()!, System.Globalization.CultureInfo.InvariantCulture);
        target.EndsAt = body["scheduled_end_time"].Str() is { } end ? DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture) : null;
        target.RecurrenceRule = body["recurrence_rule"] is JsonObject rule ? (JsonObject)rule.DeepClone() : null;
    }

    // The bot's own events need Create Events; anyone else's need Manage Events.
    private bool CanManage(EmulatedGuild guild, EmulatedScheduledEvent scheduledEvent) =>
        guild.BotPermissions.HasFlag(DiscordPermissions.ManageEvents)
        || (scheduledEvent.CreatorId == state.BotUser.Id && guild.BotPermissions.HasFlag(DiscordPermissions.CreateEvents));

    private EmulatedGuild? Guild(RestContext context) =>
        context.Snowflake("guild_id") is { } id ? state.FindGuild(id) : null;

    private static EmulatedScheduledEvent? Find(RestContext context, EmulatedGuild guild) =>
        context.Snowflake("event_id") is { } id ? guild.ScheduledEvents.FirstOrDefault(e => e.Id == id) : null;
}
