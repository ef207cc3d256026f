namespace Postmortem.Discord.Models;

/// <summary>READY's payload (events/gateway-events "Ready").</summary>
public sealed record Ready
{
    /// <summary>API version.</summary>
    public int V { get; init; }

    public User User { get; init; } = new();

    /// <summary>Every guild the bot is in, as unavailable stubs; each then arrives as a GUILD_CREATE.</summary>
    public IReadOnlyList<UnavailableGuild> Guilds { get; init; } = [];

    public string SessionId { get; init; } = "";

    /// <summary>Where to reconnect for a Resume.</summary>
    public Uri? ResumeGatewayUrl { get; init; }

    /// <summary>[shard_id, num_shards] when sharding.</summary>
    public IReadOnlyList<int>? Shard { get; init; }

    public Application? Application { get; init; }
}

/// <summary>The application, as READY and GET /applications/@me describe it (partial).</summary>
public sealed record Application
{
    public Snowflake Id { get; init; }

    public string? Name { get; init; }

    public int? Flags { get; init; }

    public bool? BotPublic { get; init; }

    public User? Bot { get; init; }
}
