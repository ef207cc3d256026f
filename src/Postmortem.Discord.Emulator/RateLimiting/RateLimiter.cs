using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Postmortem.Discord.Emulator;

/// <summary>The outcome of asking for a slot in a bucket.</summary>
internal sealed record RateLimitDecision(
    bool Allowed, bool Global, TimeSpan RetryAfter, RateLimitRule Rule, int Remaining, DateTimeOffset ResetAt, string Bucket);

/// <summary>
/// Fixed windows per (bucket, major parameter), a bucket being one route or routes sharing a limit, plus the global
/// window (topics/rate-limits.mdx). Interaction callbacks and followups are exempt from the global limit, as on Discord.
/// </summary>
internal sealed class RateLimiter(EmulatorState state, RateLimitSettings settings)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Route, string Major), Window> _buckets = [];
    private static readonly TimeSpan _inFlightTolerance = TimeSpan.FromMilliseconds(50);
    private readonly Window _global = new();

    public RateLimitDecision Acquire(DiscordRoute route, string major)
    {
        var now = state.Time.GetUtcNow();
        var rule = settings.For(route.Key);
        var bucketName = settings.BucketOf(route.Key);
        var hash = BucketHash(bucketName);
        lock (_gate)
        {
            if (!route.IsInteraction)
            {
                var global = settings.Global;
                _global.Roll(now, global.Per);
                if (_global.Count >= global.Limit)
                {
                    return Reject(_global, global, now, hash, isGlobal: true, route);
                }
            }

            if (!_buckets.TryGetValue((bucketName, major), out var bucket))
            {
                bucket = new Window();
                _buckets.Add((bucketName, major), bucket);
            }

            bucket.Roll(now, rule.Per);
            if (bucket.Count >= rule.Limit)
            {
                return Reject(bucket, rule, now, hash, isGlobal: false, route);
            }

            bucket.Count++;
            if (!route.IsInteraction)
            {
                _global.Count++;
            }

            return new RateLimitDecision(true, false, TimeSpan.Zero, rule, rule.Limit - bucket.Count, bucket.Start + rule.Per, hash);
        }
    }

    private RateLimitDecision Reject(Window window, RateLimitRule rule, DateTimeOffset now, string hash, bool isGlobal, DiscordRoute route)
    {
        var resetAt = window.Start + rule.Per;
        // Requests already in flight when the first 429 went out are not the bot ignoring it.
        if (window.FirstRejectedAt is { } first && now - first >= _inFlightTolerance)
        {
            state.AddViolation(route.Key,
                $"Sent a request {(resetAt - now).TotalSeconds:0.###} s before the retry_after of an earlier 429 elapsed.");
        }

        window.FirstRejectedAt ??= now;
        var decision = new RateLimitDecision(false, isGlobal, resetAt - now, rule, 0, resetAt, hash);
        state.AddRateLimitHit(new RateLimitHit(now, route.Key, hash, isGlobal, decision.RetryAfter));
        return decision;
    }

    public static void WriteHeaders(HttpResponse response, RateLimitDecision decision, DateTimeOffset now)
    {
        if (!decision.Global)
        {
            response.Headers["X-RateLimit-Limit"] = decision.Rule.Limit.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset"] = Seconds(decision.ResetAt.ToUnixTimeMilliseconds() / 1000.0);
            response.Headers["X-RateLimit-Reset-After"] = Seconds((decision.ResetAt - now).TotalSeconds);
            response.Headers["X-RateLimit-Bucket"] = decision.Bucket;
        }

        if (!decision.Allowed)
        {
            response.Headers["Retry-After"] = Math.Ceiling(decision.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Scope"] = decision.Global ? "global" : "user";
            if (decision.Global)
            {
                response.Headers["X-RateLimit-Global"] = "true";
            }
        }
    }

    private static string Seconds(double value) => Math.Max(0, value).ToString("0.000", CultureInfo.InvariantCulture);

    // An opaque, stable bucket id per route, like Discord's hashes.
    private static string BucketHash(string routeKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(routeKey)))[..16];

    private sealed class Window
    {
        public DateTimeOffset Start { get; private set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }

        public DateTimeOffset? FirstRejectedAt { get; set; }

        public void Roll(DateTimeOffset now, TimeSpan per)
        {
            if (Start == DateTimeOffset.MinValue || now >= Start + per)
            {
                Start = now;
                Count = 0;
                FirstRejectedAt = null;
            }
        }
    }
}
