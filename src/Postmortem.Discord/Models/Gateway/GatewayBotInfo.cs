namespace Postmortem.Discord.Models;

/// <summary>GET /gateway/bot: where to connect, how many shards, and how many identifies are left.</summary>
public sealed record GatewayBotInfo
{
    public Uri Url { get; init; } = new("wss://gateway.discord.gg");

    /// <summary>Recommended shard count; changes over time, so fetch it again before each start.</summary>
    public int Shards { get; init; } = 1;

    public SessionStartLimit SessionStartLimit { get; init; } = new();
}

/// <summary>The identify budget: 1000 a day by default, <see cref="MaxConcurrency"/> per 5 seconds.</summary>
public sealed record SessionStartLimit
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; init; }

    public int MaxConcurrency { get; init; } = 1;

    public TimeSpan ResetAfterTime => TimeSpan.FromMilliseconds(ResetAfter);
}
