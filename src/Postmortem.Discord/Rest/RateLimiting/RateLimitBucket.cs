namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// One Discord bucket for one major parameter. Requests in it run one at a time (<see cref="Gate"/>), so the
/// Remaining count of each response is known before the next request is sent and a burst cannot overrun it.
/// </summary>
internal sealed class RateLimitBucket(string name, TimeSpan resetMargin)
{
    private readonly Lock _state = new();
    private int? _remaining;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastUsed = DateTimeOffset.MinValue;

    /// <summary>The bucket hash (or "route:…" until Discord names it); never contains a token.</summary>
    public string Name { get; } = name;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>How long to wait before the next request may go: zero unless the bucket is exhausted.</summary>
    public TimeSpan DelayBeforeNext(DateTimeOffset now)
    {
        lock (_state)
        {
            _lastUsed = now;
            var resetAt = _resetAt + resetMargin;
            return _remaining == 0 && resetAt > now ? resetAt - now : TimeSpan.Zero;
        }
    }

    public void Apply(RateLimitHeaders headers, DateTimeOffset now)
    {
        lock (_state)
        {
            if (headers.Remaining is { } remaining)
            {
                _remaining = remaining;
            }

            if (headers.ResetAfter is { } resetAfter)
            {
                _resetAt = now + resetAfter;
            }
        }
    }

    /// <summary>After a 429: nothing more goes until <paramref name="retryAfter"/> has passed.</summary>
    public void BlockFor(TimeSpan retryAfter, DateTimeOffset now)
    {
        lock (_state)
        {
            _remaining = 0;
            if (now + retryAfter > _resetAt)
            {
                _resetAt = now + retryAfter;
            }
        }
    }

    /// <summary>Unused, not exhausted and nobody inside: safe to forget.</summary>
    public bool IsIdle(DateTimeOffset now, TimeSpan idleFor)
    {
        lock (_state)
        {
            return Gate.CurrentCount == 1 && _resetAt <= now && _lastUsed + idleFor <= now;
        }
    }
}
