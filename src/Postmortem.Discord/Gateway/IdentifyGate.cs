using Microsoft.Extensions.Logging;

namespace Postmortem.Discord.Gateway;

/// <summary>What GET /gateway/bot says about starting sessions (its session_start_limit).</summary>
public sealed record IdentifyLimits(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency)
{
    /// <summary>Used until Discord told us better: one identify per 5 s, no daily budget tracked.</summary>
    public static IdentifyLimits Unknown { get; } = new(int.MaxValue, int.MaxValue, TimeSpan.FromDays(1), 1);
}

/// <summary>
/// Paces Identify for every shard of the process: Discord allows <c>max_concurrency</c> identifies
/// per 5 s, one per bucket <c>shard_id % max_concurrency</c>, and a daily number of session starts
/// (going over that resets the token). Resumes don't pass through here.
/// </summary>
internal sealed class IdentifyGate(TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan ConcurrencyWindow = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset[] _nextSlot = [DateTimeOffset.MinValue];
    private int _total = int.MaxValue;
    private int _remaining = int.MaxValue;
    private DateTimeOffset _resetAt = DateTimeOffset.MaxValue;

    public int MaxConcurrency
    {
        get
        {
            lock (_gate)
            {
                return _nextSlot.Length;
            }
        }
    }

    public static int RateLimitKey(int shardId, int maxConcurrency) => shardId % maxConcurrency;

    /// <summary>Applies what Discord just reported; the numbers are authoritative over our own count.</summary>
    public void Update(IdentifyLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxConcurrency, 1);
        lock (_gate)
        {
            if (_nextSlot.Length != limits.MaxConcurrency)
            {
                var latest = _nextSlot.Max();
                _nextSlot = Enumerable.Repeat(latest, limits.MaxConcurrency).ToArray();
            }

            _total = limits.Total;
            _remaining = limits.Remaining;
            _resetAt = limits.Remaining == int.MaxValue ? DateTimeOffset.MaxValue : time.GetUtcNow() + limits.ResetAfter;
        }
    }

    /// <summary>Books the shard's next identify slot and returns how long to wait for it.</summary>
    public TimeSpan Reserve(int shardId)
    {
        TimeSpan wait;
        var exhausted = false;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var key = RateLimitKey(shardId, _nextSlot.Length);
            var start = _nextSlot[key] > now ? _nextSlot[key] : now;
            if (start >= _resetAt)
            {
                RenewDailyBudget();
            }

            if (_remaining <= 0)
            {
                exhausted = true;
                start = start > _resetAt ? start : _resetAt;
                RenewDailyBudget();
            }

            if (_remaining != int.MaxValue)
            {
                _remaining--;
            }

            _nextSlot[key] = start + ConcurrencyWindow;
            wait = start - now;
        }

        if (exhausted)
        {
            logger.LogWarning(
                "Shard {ShardId}: Discord's daily session start limit is used up; identifying again in {Wait}", shardId, wait);
        }

        return wait;
    }

    public async ValueTask WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        var wait = Reserve(shardId);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    // Called under the lock: a new day of session starts begins at _resetAt.
    private void RenewDailyBudget()
    {
        _remaining = _total;
        _resetAt += TimeSpan.FromDays(1);
    }
}
