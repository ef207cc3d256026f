using System.Collections.Concurrent;

namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// Finds the bucket for a route and learns from responses. Buckets are keyed (bucket hash, major parameter);
/// the hash comes from X-RateLimit-Bucket and is remembered per route template, so routes Discord groups
/// together share one bucket. Until a route's hash is known it gets a provisional bucket of its own.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private static readonly TimeSpan _pruneEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan _idleAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private long _nextPruneTicks = (time.GetUtcNow() + _pruneEvery).UtcTicks;

    public GlobalRateLimit Global { get; } = new(time);

    public int BucketCount => _buckets.Count;

    public RateLimitBucket BucketFor(DiscordRoute route)
    {
        PruneIfDue();
        var hash = _hashes.TryGetValue(route.RouteKey, out var known) ? known : "route:" + route.RouteKey;
        return GetOrAdd(hash, route.MajorParameter);
    }

    /// <summary>Records what a response said about <paramref name="route"/>'s bucket.</summary>
    public void Learn(DiscordRoute route, RateLimitBucket current, RateLimitHeaders headers)
    {
        var now = time.GetUtcNow();
        current.Apply(headers, now);
        if (headers.Bucket is { Length: > 0 } hash)
        {
            _hashes[route.RouteKey] = hash;
            // Requests still queued on the provisional bucket and requests that find the bucket by its hash from now
            // on must take turns in ONE queue, or both queues spend the same Remaining: the provisional bucket becomes
            // the learned one, unless another route sharing the hash brought its own first.
            var learned = _buckets.GetOrAdd(Key(hash, route.MajorParameter), current);
            if (!ReferenceEquals(learned, current))
            {
                learned.Apply(headers, now);
            }
        }
    }

    /// <summary>After a 429: hold the route's bucket(s) for retry_after, and everything else too if it was global.</summary>
    public void RateLimited(DiscordRoute route, RateLimitBucket current, TimeSpan retryAfter, bool global)
    {
        var now = time.GetUtcNow();
        current.BlockFor(retryAfter, now);
        if (_hashes.TryGetValue(route.RouteKey, out var hash))
        {
            GetOrAdd(hash, route.MajorParameter).BlockFor(retryAfter, now);
        }

        if (global)
        {
            Global.BlockFor(retryAfter);
        }
    }

    private RateLimitBucket GetOrAdd(string hash, string major) =>
        _buckets.GetOrAdd(Key(hash, major), static (_, name) => new RateLimitBucket(name), hash);

    private static string Key(string hash, string major) => $"{hash}|{major}";

    // Every channel and interaction gets a bucket; forget the ones nobody used for a while.
    private void PruneIfDue()
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + _pruneEvery).UtcTicks, due) != due)
        {
            return; // not due, or another request is pruning
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle(now, _idleAfter))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }
}
