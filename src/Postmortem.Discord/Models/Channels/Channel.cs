namespace Postmortem.Discord.Models;

/// <summary>
/// A channel, thread or DM (resources/channel "Channel Object"). Thread-only fields: <see cref="ParentId"/>,
/// <see cref="OwnerId"/>, <see cref="ThreadMetadata"/>, <see cref="NewlyCreated"/> (THREAD_CREATE), <see cref="AppliedTags"/>.
/// Forum-only: <see cref="AvailableTags"/>.
/// </summary>
public sealed record Channel
{
    public Snowflake Id { get; init; }

    public ChannelType Type { get; init; }

    /// <summary>Absent on channels inside GUILD_CREATE; use the guild's id there.</summary>
    public Snowflake? GuildId { get; init; }

    public string? Name { get; init; }

    public string? Topic { get; init; }

    public int? Position { get; init; }

    /// <summary>For a thread, the channel it lives in; for a guild channel, its category.</summary>
    public Snowflake? ParentId { get; init; }

    /// <summary>For a thread, the user who started it.</summary>
    public Snowflake? OwnerId { get; init; }

    public Snowflake? LastMessageId { get; init; }

    public int? RateLimitPerUser { get; init; }

    public int? Flags { get; init; }

    public bool? Nsfw { get; init; }

    public int? MessageCount { get; init; }

    public int? MemberCount { get; init; }

    public ThreadMetadata? ThreadMetadata { get; init; }

    /// <summary>THREAD_CREATE: true when the thread was just created (not merely made visible to the bot).</summary>
    public bool? NewlyCreated { get; init; }

    /// <summary>THREAD_CREATE for a private thread the bot was added to.</summary>
    public ThreadMember? Member { get; init; }

    public IReadOnlyList<ForumTag>? AvailableTags { get; init; }

    public IReadOnlyList<Snowflake>? AppliedTags { get; init; }

    /// <summary>DM recipients.</summary>
    public IReadOnlyList<User>? Recipients { get; init; }

    /// <summary>The invoking user's permissions in this channel (resolved channels and interaction.channel).</summary>
    public Permissions? Permissions { get; init; }

    /// <summary>Only on the response to "create forum post": the thread's first message.</summary>
    public Message? Message { get; init; }

    public bool IsThread => Type.IsThread();

    public string Mention => $"<#{Id}>";
}

/// <summary>Thread state (resources/channel "Thread Metadata Object").</summary>
public sealed record ThreadMetadata
{
    public bool Archived { get; init; }

    /// <summary>Minutes of inactivity before Discord archives the thread: 60, 1440, 4320 or 10080.</summary>
    public int AutoArchiveDuration { get; init; }

    public DateTimeOffset? ArchiveTimestamp { get; init; }

    public bool Locked { get; init; }

    public bool? Invitable { get; init; }

    public DateTimeOffset? CreateTimestamp { get; init; }
}

/// <summary>The bot's membership of a thread (resources/channel "Thread Member Object").</summary>
public sealed record ThreadMember
{
    public Snowflake? Id { get; init; }

    public Snowflake? UserId { get; init; }

    public DateTimeOffset? JoinTimestamp { get; init; }

    public int? Flags { get; init; }
}

/// <summary>A tag a forum post can carry (resources/channel "Forum Tag Object").</summary>
public sealed record ForumTag
{
    public Snowflake Id { get; init; }

    public string Name { get; init; } = "";

    public bool Moderated { get; init; }

    public Snowflake? EmojiId { get; init; }

    public string? EmojiName { get; init; }
}
