namespace Postmortem.Discord.Models;

/// <summary>
/// A message (resources/message "Message Object"). MESSAGE_CREATE adds <see cref="GuildId"/>, <see cref="Member"/> and,
/// inside a thread, <see cref="ChannelType"/>. MESSAGE_UPDATE may send a partial object: absent lists read as empty.
/// Without the MESSAGE_CONTENT intent, content/embeds/attachments/components arrive empty for other users' messages.
/// </summary>
public sealed record Message
{
    public Snowflake Id { get; init; }

    public Snowflake ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }

    /// <summary>Null only on partial payloads; webhook messages carry the webhook as a user.</summary>
    public User? Author { get; init; }

    /// <summary>MESSAGE_CREATE in a guild: the author's member data (without its user).</summary>
    public GuildMember? Member { get; init; }

    public string Content { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public bool Tts { get; init; }

    public bool MentionEveryone { get; init; }

    public IReadOnlyList<User> Mentions { get; init; } = [];

    public IReadOnlyList<Snowflake> MentionRoles { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    public IReadOnlyList<Component> Components { get; init; } = [];

    public bool Pinned { get; init; }

    public Snowflake? WebhookId { get; init; }

    public Snowflake? ApplicationId { get; init; }

    public MessageType Type { get; init; }

    public MessageFlags Flags { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>For replies: the message replied to (null if it was deleted).</summary>
    public Message? ReferencedMessage { get; init; }

    /// <summary>The thread started from this message, if any.</summary>
    public Channel? Thread { get; init; }

    /// <summary>MESSAGE_CREATE: the type of the channel the message was sent in (10/11/12 inside threads).</summary>
    public ChannelType? ChannelType { get; init; }

    public bool IsFromBot => Author?.Bot == true;
}

/// <summary>Message types (resources/message "Message Types"); only the ones a bot tends to branch on are named.</summary>
public enum MessageType
{
    Default = 0,
    ChannelPinnedMessage = 6,
    UserJoin = 7,
    ThreadCreated = 18,
    Reply = 19,
    ChatInputCommand = 20,
    ThreadStarterMessage = 21,
    ContextMenuCommand = 23,
}

/// <summary>Message flags (resources/message "Message Flags").</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    Crossposted = 1 << 0,
    IsCrosspost = 1 << 1,
    SuppressEmbeds = 1 << 2,
    Urgent = 1 << 4,
    HasThread = 1 << 5,
    /// <summary>Only the invoking user sees the message (interaction responses only).</summary>
    Ephemeral = 1 << 6,
    Loading = 1 << 7,
    SuppressNotifications = 1 << 12,
    IsComponentsV2 = 1 << 15,
}

/// <summary>MESSAGE_DELETE's payload.</summary>
public sealed record MessageDeleted
{
    public Snowflake Id { get; init; }

    public Snowflake ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }
}
