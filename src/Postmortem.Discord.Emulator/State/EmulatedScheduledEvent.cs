using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>A guild scheduled event (resources/guild-scheduled-event.mdx) as the bot created and changed it.</summary>
public sealed class EmulatedScheduledEvent
{
    public const int Scheduled = 1;
    public const int Active = 2;
    public const int Completed = 3;
    public const int Canceled = 4;

    internal EmulatedScheduledEvent(ulong id, EmulatedGuild guild, ulong creatorId)
    {
        Id = id;
        Guild = guild;
        CreatorId = creatorId;
    }

    public ulong Id { get; }

    public EmulatedGuild Guild { get; }

    public ulong CreatorId { get; }

    public string Name { get; internal set; } = "";

    public string? Description { get; internal set; }

    /// <summary>1 stage instance, 2 voice, 3 external.</summary>
    public int EntityType { get; internal set; }

    public ulong? ChannelId { get; internal set; }

    public string? Location { get; internal set; }

    public DateTimeOffset StartsAt { get; internal set; }

    public DateTimeOffset? EndsAt { get; internal set; }

    public int Status { get; internal set; } = Scheduled;

    /// <summary>The recurrence rule as sent (null for a one-off event).</summary>
    public JsonObject? RecurrenceRule { get; internal set; }

    internal bool IsDeleted { get; set; }

    internal JsonObject ToJson() => new()
    {
        ["id"] = DiscordJson.Id(Id),
        ["guild_id"] = DiscordJson.Id(Guild.Id),
        ["channel_id"] = ChannelId is { } channel ? DiscordJson.Id(channel) : null,
        ["creator_id"] = DiscordJson.Id(CreatorId),
        ["name"] = Name,
        ["description"] = Description,
        ["scheduled_start_time"] = DiscordJson.Timestamp(StartsAt),
        ["scheduled_end_time"] = DiscordJson.Timestamp(EndsAt),
        ["privacy_level"] = 2,
        ["status"] = Status,
        ["entity_type"] = EntityType,
        ["entity_id"] = null,
        ["entity_metadata"] = Location is { } location ? new JsonObject { ["location"] = location } : null,
        ["image"] = null,
        ["recurrence_rule"] = RecurrenceRule?.DeepClone(),
    };
}
