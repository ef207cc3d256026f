using System.Globalization;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// resources/guild-scheduled-event.mdx: what a scheduled event needs by entity type, its times, its recurrence
/// rule and the order its status may move in.
/// </summary>
internal static class ScheduledEventRules
{
    public const int MaxName = 100;
    public const int MaxDescription = 1000;
    public const int MaxLocation = 100;
    private const int StageInstance = 1;
    private const int Voice = 2;
    private const int External = 3;
    private const int Weekly = 2;

    /// <summary>Checks the event as it would be after the request (create: everything; patch: merged with the stored one).</summary>
    public static void Check(JsonObject merged, EmulatedGuild guild, DateTimeOffset now, bool creating, FormErrors errors)
    {
        errors.LengthBetween("name", merged["name"].Str(), 1, MaxName);
        if (merged["description"].Str() is { } description)
        {
            errors.LengthBetween("description", description, 0, MaxDescription);
        }

        if (merged["privacy_level"].Int() != 2)
        {
            errors.Add("privacy_level", "BASE_TYPE_CHOICES", "Value must be one of (2,).");
        }

        var type = merged["entity_type"].Int();
        var channelId = merged["channel_id"].Snowflake();
        var location = merged["entity_metadata"]?["location"].Str();
        switch (type)
        {
            case StageInstance or Voice:
                var channel = channelId is { } id ? guild.Channels.FirstOrDefault(c => c.Id == id) : null;
                var wanted = type == Voice ? ChannelKind.GuildVoice : ChannelKind.GuildStageVoice;
                if (channel?.Kind != wanted)
                {
                    errors.Add("channel_id", "GUILD_SCHEDULED_EVENT_CHANNEL_INVALID",
                        $"A {(type == Voice ? "voice" : "stage")} event needs channel_id of a {(type == Voice ? "voice" : "stage")} channel of this guild.");
                }

                if (location is not null)
                {
                    errors.Add("entity_metadata", "GUILD_SCHEDULED_EVENT_ENTITY_METADATA_INVALID", "Only external events have a location.");
                }

                break;
            case External:
                if (channelId is not null)
                {
                    errors.Add("channel_id", "GUILD_SCHEDULED_EVENT_CHANNEL_INVALID", "An external event has no channel_id.");
                }

                errors.LengthBetween("entity_metadata.location", location, 1, MaxLocation);
                if (merged["scheduled_end_time"].Str() is null)
                {
                    errors.Add("scheduled_end_time", "BASE_TYPE_REQUIRED", "An external event needs scheduled_end_time.");
                }

                break;
            default:
                errors.Add("entity_type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3).");
                break;
        }

        var start = Time(merged["scheduled_start_time"], "scheduled_start_time", errors);
        var end = merged["scheduled_end_time"].Str() is null ? null : Time(merged["scheduled_end_time"], "scheduled_end_time", errors);
        if (creating && start is { } s && s <= now)
        {
            errors.Add("scheduled_start_time", "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST", "Cannot schedule an event in the past.");
        }

        if (start is { } from && end is { } to && to <= from)
        {
            errors.Add("scheduled_end_time", "GUILD_SCHEDULED_EVENT_END_BEFORE_START", "scheduled_end_time must be after scheduled_start_time.");
        }

        if (merged["recurrence_rule"] is JsonObject rule)
        {
            CheckRecurrence(rule, start, errors);
        }
    }

    /// <summary>SCHEDULED → ACTIVE or CANCELED, ACTIVE → COMPLETED; a completed or cancelled event stays so.</summary>
    public static bool CanMove(int from, int to) =>
        from == to
        || (from == EmulatedScheduledEvent.Scheduled && to is EmulatedScheduledEvent.Active or EmulatedScheduledEvent.Canceled)
        || (from == EmulatedScheduledEvent.Active && to == EmulatedScheduledEvent.Completed);

    // "Recurrence Rule" restrictions: the rule starts with the event; a weekly rule names exactly one weekday,
    // repeats every week or every other week, and takes none of the monthly / yearly fields.
    private static void CheckRecurrence(JsonObject rule, DateTimeOffset? start, FormErrors errors)
    {
        var ruleStart = Time(rule["start"], "recurrence_rule.start", errors);
        if (ruleStart is { } rs && start is { } s && rs != s)
        {
            errors.Add("recurrence_rule.start", "GUILD_SCHEDULED_EVENT_RECURRENCE_RULE_INVALID", "The recurrence must start at scheduled_start_time.");
        }

        if (rule["frequency"].Int() != Weekly)
        {
            return;
        }

        if (rule["by_weekday"] is not JsonArray { Count: 1 } days || days[0].Int() is not (>= 0 and <= 6))
        {
            errors.Add("recurrence_rule.by_weekday", "GUILD_SCHEDULED_EVENT_RECURRENCE_RULE_INVALID", "A weekly recurrence names exactly one weekday (0 Monday .. 6 Sunday).");
        }

        if (rule["interval"].Int() is { } interval && interval is not (1 or 2))
        {
            errors.Add("recurrence_rule.interval", "GUILD_SCHEDULED_EVENT_RECURRENCE_RULE_INVALID", "A weekly recurrence repeats every 1 or 2 weeks.");
        }

        foreach (var field in new[] { "by_n_weekday", "by_month", "by_month_day", "by_year_day" })
        {
            if (rule[field] is JsonArray { Count: > 0 })
            {
                errors.Add($"recurrence_rule.{field}", "GUILD_SCHEDULED_EVENT_RECURRENCE_RULE_INVALID", $"A weekly recurrence takes no {field}.");
            }
        }
    }

    private static DateTimeOffset? Time(JsonNode? node, string path, FormErrors errors)
    {
        if (node.Str() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return at;
        }

        errors.Add(path, node is null ? "BASE_TYPE_REQUIRED" : "DATE_TIME_TYPE_PARSE", "Must be an ISO8601 timestamp.");
        return null;
    }
}
