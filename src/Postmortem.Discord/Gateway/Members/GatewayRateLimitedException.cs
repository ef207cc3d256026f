namespace Postmortem.Discord.Gateway;

/// <summary>Discord answered a gateway request with RATE_LIMITED: ask again after <see cref="RetryAfter"/>.</summary>
public sealed class GatewayRateLimitedException(int opcode, TimeSpan retryAfter)
    : Exception($"Discord rate limited gateway op {opcode}; retry after {retryAfter.TotalSeconds:0.###} s.")
{
    public int Opcode { get; } = opcode;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
