using System.Collections.Concurrent;

namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>A bucket to send in, and whether this request is the one that will teach us the route's bucket hash.</summary>
internal readonly record struct BucketLease(RateLimitBucket Bucket, bool Probing);

/// <summary>
/// Finds the bucket for a route and learns from responses. Buckets are keyed (bucket hash, major parameter);
/// the hash comes from X-RateLimit-Bucket and is remembered per route template, so routes Discord groups
/// together share one bucket and one Remaining count. Until a route's hash is known, exactly one request on it is in
/// flight (the probe); the others wait for its headers and then queue in the bucket they name, so a route we have
/// not heard about yet cannot overrun a limit it shares with a route we have.
/// </summary>
internal sealed class RateLimiter(TimeProvider time, RestRateLimitOptions options)
{
    private static readonly TimeSpan _pruneEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan _idleAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _probes = new(StringComparer.Ordinal);
    private long _nextPruneTicks = (time.GetUtcNow() + _pruneEvery).UtcTicks;

    public GlobalRateLimit Global { get; } = new(time, options.GlobalRequestsPerSecond);

    public int BucketCount => _buckets.Count;

    /// <summary>
    /// The bucket for <paramref name="route"/>. On a route whose hash is not known yet this waits for the request
    /// already probing it; a caller that gets <see cref="BucketLease.Probing"/> must call <see cref="EndProbe"/>.
    /// </summary>
    public async ValueTask<BucketLease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        PruneIfDue();
        while (true)
        {
            if (_hashes.TryGetValue(route.RouteKey, out var known))
            {
                return new BucketLease(GetOrAdd(known, route.MajorParameter), Probing: false);
            }

            // Interaction callbacks are a bucket per interaction (their major parameter) and have 3 s to arrive:
            // a probe would only make one user's click wait for another's.
            if (route.IsInteractionRoute)
            {
                return new BucketLease(GetOrAdd(Provisional(route), route.MajorParameter), Probing: false);
            }

            var probe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var inFlight = _probes.GetOrAdd(route.RouteKey, probe);
            if (ReferenceEquals(inFlight, probe))
            {
                // The hash may have been learnt between the look-up above and taking the probe.
                if (_hashes.TryGetValue(route.RouteKey, out known))
                {
                    EndProbe(route);
                    return new BucketLease(GetOrAdd(known, route.MajorParameter), Probing: false);
                }

                return new BucketLease(GetOrAdd(Provisional(route), route.MajorParameter), Probing: true);
            }

            await inFlight.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Lets the requests waiting on this route's probe go (after its headers were learnt, or it failed).</summary>
    public void EndProbe(DiscordRoute route)
    {
        if (_probes.TryRemove(route.RouteKey, out var probe))
        {
            probe.TrySetResult();
        }
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
        else if (headers.Limit is null && !route.IsInteractionRoute)
        {
            // No rate-limit headers at all: the route has no bucket of its own. Remember that, or every request on it
            // would wait to probe it again.
            _hashes.TryAdd(route.RouteKey, Provisional(route));
        }
    }

    /// <summary>After a 429: hold the route's bucket(s) for retry_after, and everything else too if it was global.</summary>
    public void RateLimited(DiscordRoute route, RateLimitBucket current, TimeSpan retryAfter, bool global)
    {
        var now = time.GetUtcNow();
        // The buckets add ResetMargin when they are next asked for a delay; the global gate has no margin of its own.
        current.BlockFor(retryAfter, now);
        if (_hashes.TryGetValue(route.RouteKey, out var hash))
        {
            GetOrAdd(hash, route.MajorParameter).BlockFor(retryAfter, now);
        }

        if (global)
        {
            Global.BlockFor(retryAfter + options.ResetMargin);
        }
    }

    private static string Provisional(DiscordRoute route) => "route:" + route.RouteKey;

    private RateLimitBucket GetOrAdd(string hash, string major) =>
        _buckets.GetOrAdd(Key(hash, major), static (_, state) => new RateLimitBucket(state.hash, state.margin), (hash, margin: options.ResetMargin));

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
