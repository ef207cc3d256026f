namespace Postmortem.Discord.Models;

/// <summary>GUILD_MEMBERS_CHUNK (gateway-events "Guild Members Chunk"): one part of the answer to op 8.</summary>
public sealed record GuildMembersChunk
{
    public Snowflake GuildId { get; init; }

    public IReadOnlyList<GuildMember> Members { get; init; } = [];

    /// <summary>0 ≤ chunk_index &lt; chunk_count.</summary>
    public int ChunkIndex { get; init; }

    public int ChunkCount { get; init; }

    /// <summary>Requested user ids that are not members of the guild.</summary>
    public IReadOnlyList<Snowflake>? NotFound { get; init; }

    /// <summary>The request's nonce, echoed.</summary>
    public string? Nonce { get; init; }
}

/// <summary>RATE_LIMITED (gateway-events "Rate Limited"): a gateway request was refused for a while.</summary>
public sealed record GatewayRateLimited
{
    public int Opcode { get; init; }

    /// <summary>Seconds to wait before asking again.</summary>
    public double RetryAfter { get; init; }

    public GatewayRateLimitedMeta? Meta { get; init; }
}

/// <summary>For op 8: which request was refused.</summary>
public sealed record GatewayRateLimitedMeta
{
    public Snowflake? GuildId { get; init; }

    public string? Nonce { get; init; }
}
