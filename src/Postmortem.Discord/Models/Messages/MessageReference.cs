namespace Postmortem.Discord.Models;

/// <summary>Points at another message: a reply, a forward, or a thread's starter (resources/message "Message Reference").</summary>
public sealed record MessageReference
{
    /// <summary>0 = default (reply), 1 = forward.</summary>
    public int? Type { get; init; }

    public Snowflake? MessageId { get; init; }

    public Snowflake? ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }

    /// <summary>When sending a reply: false makes Discord send it as a normal message if the target is gone.</summary>
    public bool? FailIfNotExists { get; init; }

    public static MessageReference ReplyTo(Snowflake messageId) => new() { MessageId = messageId, FailIfNotExists = false };
}
