namespace Postmortem.Discord.Models;

/// <summary>Where a scheduled event takes place (resources/guild-scheduled-event.mdx).</summary>
public enum ScheduledEventEntityType
{
    StageInstance = 1,
    Voice = 2,
    /// <summary>Somewhere else: needs <see cref="ScheduledEventEntityMetadata.Location"/> and an end time.</summary>
    External = 3,
}

public enum ScheduledEventStatus
{
    Scheduled = 1,
    Active = 2,
    Completed = 3,
    Canceled = 4,
}

public enum RecurrenceFrequency
{
    Yearly = 0,
    Monthly = 1,
    Weekly = 2,
    Daily = 3,
}

/// <summary>Discord counts weekdays from Monday (0) to Sunday (6).</summary>
public enum RecurrenceWeekday
{
    Monday = 0,
    Tuesday = 1,
    Wednesday = 2,
    Thursday = 3,
    Friday = 4,
    Saturday = 5,
    Sunday = 6,
}

/// <summary>A guild scheduled event as Discord returns it.</summary>
public sealed record GuildScheduledEvent
{
    public Snowflake Id { get; init; }

    public Snowflake GuildId { get; init; }

    public Snowflake? ChannelId { get; init; }

    public Snowflake? CreatorId { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public DateTimeOffset ScheduledStartTime { get; init; }

    public DateTimeOffset? ScheduledEndTime { get; init; }

    public ScheduledEventStatus Status { get; init; }

    public ScheduledEventEntityType EntityType { get; init; }

    public ScheduledEventEntityMetadata? EntityMetadata { get; init; }

    public RecurrenceRule? RecurrenceRule { get; init; }
}

public sealed record ScheduledEventEntityMetadata(string? Location);

/// <summary>
/// How an event repeats. A weekly rule names exactly one weekday and starts at the event's start time
/// ("Recurrence Rule Object" restrictions).
/// </summary>
public sealed record RecurrenceRule
{
    /// <summary>UTC, so it is written with "Z" as the spec's date-time format asks.</summary>
    public DateTime Start { get; init; }

    public DateTime? End { get; init; }

    public RecurrenceFrequency Frequency { get; init; }

    public int? Interval { get; init; }

    public IReadOnlyList<RecurrenceWeekday>? ByWeekday { get; init; }

    /// <summary>A weekly rule on the weekday of <paramref name="start"/> (as Discord reads it, in UTC).</summary>
    public static RecurrenceRule WeeklyFrom(DateTimeOffset start) => new()
    {
        Start = start.UtcDateTime,
        Frequency = RecurrenceFrequency.Weekly,
        Interval = 1,
        ByWeekday = [(RecurrenceWeekday)(((int)start.UtcDateTime.DayOfWeek + 6) % 7)],
    };
}

/// <summary>
/// POST /guilds/{guild}/scheduled-events. Privacy is always GUILD_ONLY (2). Voice and stage events take a
/// <see cref="ChannelId"/>; external ones <see cref="EntityMetadata"/> with a location and a <see cref="ScheduledEndTime"/>.
/// </summary>
public sealed record GuildScheduledEventCreateRequest
{
    public required string Name { get; init; }

    /// <summary>At most 1000 characters.</summary>
    public string? Description { get; init; }

    public int PrivacyLevel { get; init; } = 2;

    /// <summary>UTC, so it is written with "Z" as the spec's date-time format asks.</summary>
    public required DateTime ScheduledStartTime { get; init; }

    public DateTime? ScheduledEndTime { get; init; }

    public required ScheduledEventEntityType EntityType { get; init; }

    public Snowflake? ChannelId { get; init; }

    public ScheduledEventEntityMetadata? EntityMetadata { get; init; }

    public RecurrenceRule? RecurrenceRule { get; init; }
}

/// <summary>PATCH /guilds/{guild}/scheduled-events/{event}: only the fields set change (status moves it on or cancels it).</summary>
public sealed record GuildScheduledEventModifyRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public ScheduledEventStatus? Status { get; init; }
}
