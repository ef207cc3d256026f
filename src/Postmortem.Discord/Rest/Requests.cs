using Postmortem.Discord.Models;

namespace Postmortem.Discord.Rest;

/// <summary>POST /channels/{channel}/messages/{message}/threads: a public thread whose id is the message's id.</summary>
public sealed record ThreadFromMessageRequest(string Name)
{
    /// <summary>60, 1440, 4320 or 10080 minutes.</summary>
    public int? AutoArchiveDuration { get; init; }

    public int? RateLimitPerUser { get; init; }
}

/// <summary>
/// POST /channels/{channel}/threads without a message. <see cref="Type"/> is always sent because Discord's default
/// is a PRIVATE thread; this record defaults to <see cref="ChannelType.PublicThread"/>.
/// </summary>
public sealed record ThreadCreateRequest(string Name)
{
    public ChannelType Type { get; init; } = ChannelType.PublicThread;

    public int? AutoArchiveDuration { get; init; }

    /// <summary>Private threads: whether non-moderators may add others.</summary>
    public bool? Invitable { get; init; }

    public int? RateLimitPerUser { get; init; }
}

/// <summary>POST /channels/{forum}/threads: a forum (or media) post with its first message and up to 5 tags.</summary>
public sealed record ForumPostRequest(string Name, MessagePayload Message)
{
    public int? AutoArchiveDuration { get; init; }

    public int? RateLimitPerUser { get; init; }

    public IReadOnlyList<Snowflake>? AppliedTags { get; init; }
}

/// <summary>PATCH /channels/{id}: only the fields set are changed. Archive/lock/tags apply to threads.</summary>
public sealed record ChannelModifyRequest
{
    public string? Name { get; init; }

    public bool? Archived { get; init; }

    public bool? Locked { get; init; }

    public int? AutoArchiveDuration { get; init; }

    /// <summary>Forum posts: replaces the tags (≤5).</summary>
    public IReadOnlyList<Snowflake>? AppliedTags { get; init; }

    /// <summary>Forum channels: replaces the tags posts can carry (≤20); list existing tags with their id to keep them.</summary>
    public IReadOnlyList<ForumTagRequest>? AvailableTags { get; init; }

    public string? Topic { get; init; }
}

/// <summary>A forum tag in PATCH /channels/{forum}: an existing tag has its <see cref="Id"/>, a new one none.</summary>
public sealed record ForumTagRequest(string Name)
{
    public Snowflake? Id { get; init; }

    public bool? Moderated { get; init; }

    public Snowflake? EmojiId { get; init; }

    public string? EmojiName { get; init; }
}

/// <summary>GET /channels/{id}/messages: at most one of around/before/after; limit 1–100 (Discord's default 50).</summary>
public sealed record MessageQuery
{
    public Snowflake? Around { get; init; }

    public Snowflake? Before { get; init; }

    public Snowflake? After { get; init; }

    public int? Limit { get; init; }
}

/// <summary>POST /users/@me/channels.</summary>
public sealed record DmCreateRequest(Snowflake RecipientId);
