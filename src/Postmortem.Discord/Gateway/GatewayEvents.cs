using System.Text.Json;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Gateway;

/// <summary>A dispatch (op 0) from the gateway, typed for the events the bot handles.</summary>
public abstract record GatewayEvent
{
    /// <summary>The shard whose connection delivered the event.</summary>
    public int ShardId { get; init; }
}

/// <summary>GUILD_MEMBERS_CHUNK: part of the answer to a Request Guild Members (op 8).</summary>
public sealed record GuildMembersChunkEvent(GuildMembersChunk Chunk) : GatewayEvent;

/// <summary>RATE_LIMITED: Discord refused a gateway request (so far only op 8) for <c>retry_after</c> seconds.</summary>
public sealed record GatewayRateLimitedEvent(GatewayRateLimited RateLimited) : GatewayEvent;

/// <summary>READY: the session started. Guilds follow one by one as <see cref="GuildCreateEvent"/>.</summary>
public sealed record ReadyEvent(Ready Ready) : GatewayEvent;

/// <summary>RESUMED: the missed events were replayed and the session continues.</summary>
public sealed record ResumedEvent : GatewayEvent;

/// <summary>GUILD_CREATE: a guild became available (after READY) or the bot joined one.</summary>
public sealed record GuildCreateEvent(Guild Guild) : GatewayEvent;

/// <summary>INTERACTION_CREATE: a command, autocomplete, component or modal submit. Answer within 3 s.</summary>
public sealed record InteractionCreateEvent(Interaction Interaction) : GatewayEvent;

/// <summary>MESSAGE_CREATE, including messages in threads (then <see cref="Message.ChannelType"/> is 10–12).</summary>
public sealed record MessageCreateEvent(Message Message) : GatewayEvent;

public sealed record MessageUpdateEvent(Message Message) : GatewayEvent;

public sealed record MessageDeleteEvent(MessageDeleted Message) : GatewayEvent;

/// <summary>THREAD_CREATE; <see cref="Channel.NewlyCreated"/> tells a new thread from one the bot was added to.</summary>
public sealed record ThreadCreateEvent(Channel Thread) : GatewayEvent;

public sealed record ThreadUpdateEvent(Channel Thread) : GatewayEvent;

/// <summary>THREAD_DELETE carries only id, guild_id, parent_id and type.</summary>
public sealed record ThreadDeleteEvent(Channel Thread) : GatewayEvent;

public sealed record ChannelCreateEvent(Channel Channel) : GatewayEvent;

public sealed record ChannelUpdateEvent(Channel Channel) : GatewayEvent;

public sealed record ChannelDeleteEvent(Channel Channel) : GatewayEvent;

/// <summary>Any other dispatch, with its raw <c>d</c> (a detached copy, safe to keep).</summary>
public sealed record UnknownDispatch(string Name, JsonElement Raw) : GatewayEvent
{
    // The raw payload may carry user content or tokens; the name is enough for logs.
    public override string ToString() => $"UnknownDispatch {{ Name = {Name}, ShardId = {ShardId} }}";
}
