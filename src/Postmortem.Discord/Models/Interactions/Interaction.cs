using System.Text.Json.Serialization;

namespace Postmortem.Discord.Models;

/// <summary>Interaction types (interactions/receiving-and-responding).</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>Where an interaction was triggered.</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>
/// An interaction (INTERACTION_CREATE's payload). <see cref="Token"/> answers it: valid 3 s for the first response,
/// then 15 minutes for follow-ups. It is a secret for that time, so <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record Interaction
{
    public Snowflake Id { get; init; }

    public Snowflake ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    public Snowflake? GuildId { get; init; }

    /// <summary>A partial channel (id, type, name, permissions, thread fields).</summary>
    public Channel? Channel { get; init; }

    public Snowflake? ChannelId { get; init; }

    /// <summary>In a guild: the invoking member, with its user and its permissions in the channel.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The JSON "user" field, sent instead of <see cref="Member"/> in DMs. Prefer <see cref="User"/>.</summary>
    [JsonPropertyName("user")]
    public User? DmUser { get; init; }

    public string Token { get; init; } = "";

    public int Version { get; init; }

    /// <summary>Component interactions: the message the component is on.</summary>
    public Message? Message { get; init; }

    /// <summary>The bot's permissions in the channel.</summary>
    public Permissions? AppPermissions { get; init; }

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public InteractionContextType? Context { get; init; }

    /// <summary>The largest file, in bytes, a response to this interaction may upload (the server's boost tier counts).</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>Who invoked it: the member's user in guilds, the user in DMs; null only for PING.</summary>
    [JsonIgnore]
    public User? User => Member?.User ?? DmUser;

    public override string ToString() =>
        $"Interaction {{ Id = {Id}, Type = {Type}, Name = {Data?.Name}, CustomId = {Data?.CustomId}, GuildId = {GuildId}, " +
        $"ChannelId = {ChannelId}, UserId = {User?.Id}, Token = <redacted> }}";
}
