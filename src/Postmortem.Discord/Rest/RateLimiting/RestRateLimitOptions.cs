namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// How the REST client paces itself under Discord's limits, bound from "Discord:RateLimits". The defaults keep
/// headroom under Discord's documented figures (topics/rate-limits), because a 429 costs a round trip and counts
/// toward the invalid-request ban.
/// </summary>
public sealed class RestRateLimitOptions
{
    public const string SectionName = "Discord:RateLimits";

    /// <summary>
    /// Requests per second we allow ourselves under the global limit. Discord documents 50/s and sends no header
    /// for it; arrival jitter can land requests sent in one second in Discord's next, so we stay 10% below.
    /// </summary>
    public int GlobalRequestsPerSecond { get; set; } = 45;

    /// <summary>
    /// Added to every wait for a bucket reset or a retry_after. Timers fire up to a few milliseconds early and
    /// Reset-After is rounded to the millisecond; without a margin the request after the wait can be a 429.
    /// </summary>
    public TimeSpan ResetMargin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// From this many invalid requests in the last 10 minutes, requests that are not interaction responses are
    /// spaced by <see cref="BreakerSpacing"/>, so even if every one of them failed the count could not reach 10,000.
    /// </summary>
    public int BreakerThreshold { get; set; } = 2_500;

    /// <summary>The minimum gap between non-interaction requests while the breaker is open.</summary>
    public TimeSpan BreakerSpacing { get; set; } = TimeSpan.FromMilliseconds(500);
}
