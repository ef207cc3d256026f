using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Postmortem.Discord.Json;

namespace Postmortem.Discord.Gateway;

/// <summary>Turns a dispatch's name and <c>d</c> into a typed event; unknown names stay raw.</summary>
internal static class GatewayEventMapper
{
    /// <summary>Throws <see cref="JsonException"/> (or InvalidOperationException) when the data doesn't fit the event.</summary>
    public static GatewayEvent Map(string name, JsonElement data) => name switch
    {
        "READY" => new ReadyEvent(Read(data, DiscordJsonContext.Default.Ready, name)),
        "RESUMED" => new ResumedEvent(),
        "GUILD_CREATE" => new GuildCreateEvent(Read(data, DiscordJsonContext.Default.Guild, name)),
        "INTERACTION_CREATE" => new InteractionCreateEvent(Read(data, DiscordJsonContext.Default.Interaction, name)),
        "MESSAGE_CREATE" => new MessageCreateEvent(Read(data, DiscordJsonContext.Default.Message, name)),
        "MESSAGE_UPDATE" => new MessageUpdateEvent(Read(data, DiscordJsonContext.Default.Message, name)),
        "MESSAGE_DELETE" => new MessageDeleteEvent(Read(data, DiscordJsonContext.Default.MessageDeleted, name)),
        "THREAD_CREATE" => new ThreadCreateEvent(Read(data, DiscordJsonContext.Default.Channel, name)),
        "THREAD_UPDATE" => new ThreadUpdateEvent(Read(data, DiscordJsonContext.Default.Channel, name)),
        "THREAD_DELETE" => new ThreadDeleteEvent(Read(data, DiscordJsonContext.Default.Channel, name)),
        "CHANNEL_CREATE" => new ChannelCreateEvent(Read(data, DiscordJsonContext.Default.Channel, name)),
        "CHANNEL_UPDATE" => new ChannelUpdateEvent(Read(data, DiscordJsonContext.Default.Channel, name)),
        "CHANNEL_DELETE" => new ChannelDeleteEvent(Read(data, DiscordJsonContext.Default.Channel, name)),
        "GUILD_MEMBERS_CHUNK" => new GuildMembersChunkEvent(Read(data, DiscordJsonContext.Default.GuildMembersChunk, name)),
        "RATE_LIMITED" => new GatewayRateLimitedEvent(Read(data, DiscordJsonContext.Default.GatewayRateLimited, name)),
        _ => new UnknownDispatch(name, data.Clone()),
    };

    private static T Read<T>(JsonElement data, JsonTypeInfo<T> typeInfo, string name) =>
        data.Deserialize(typeInfo) ?? throw new JsonException($"{name} carried no data.");
}
