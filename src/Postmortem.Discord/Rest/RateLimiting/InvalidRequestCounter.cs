using System.Net;

namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// Counts the responses Discord counts toward its invalid-request limit (10,000 per 10 minutes per IP, then a
/// temporary Cloudflare ban): 401, 403 and 429, except 429s with X-RateLimit-Scope "shared" (rate-limits.mdx).
/// The window slides in one-second slots, so memory stays fixed however many requests fail.
/// </summary>
internal sealed class InvalidRequestCounter(TimeProvider time)
{
    /// <summary>Discord's window for the invalid-request limit.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Discord's invalid-request limit per <see cref="Window"/>.</summary>
    public const int DiscordLimit = 10_000;

    private static readonly int _slots = (int)Window.TotalSeconds;

    private readonly Lock _state = new();
    private readonly int[] _counts = new int[_slots];
    private readonly long[] _seconds = new long[_slots];

    /// <summary>True when Discord counts a response with this status and rate-limit scope.</summary>
    public static bool Counts(HttpStatusCode status, string? scope) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.TooManyRequests => !string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Records one invalid request and returns how many there were in the last 10 minutes, this one included.</summary>
    public int Record()
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_state)
        {
            var slot = (int)(second % _slots);
            if (_seconds[slot] != second)
            {
                _seconds[slot] = second;
                _counts[slot] = 0;
            }

            _counts[slot]++;
            return SumSince(second);
        }
    }

    /// <summary>Invalid requests in the last 10 minutes.</summary>
    public int Current
    {
        get
        {
            var second = time.GetUtcNow().ToUnixTimeSeconds();
            lock (_state)
            {
                return SumSince(second);
            }
        }
    }

    private int SumSince(long now)
    {
        var total = 0;
        for (var slot = 0; slot < _slots; slot++)
        {
            if (now - _seconds[slot] < _slots)
            {
                total += _counts[slot];
            }
        }

        return total;
    }
}
