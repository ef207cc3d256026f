namespace Postmortem.Discord.Emulator;

/// <summary>A limit: <see cref="Limit"/> requests per <see cref="Per"/>.</summary>
public sealed record RateLimitRule(int Limit, TimeSpan Per);

/// <summary>
/// Per-route limits (keyed "METHOD template", each bucket split by its major parameter) and the global limit.
/// Defaults follow Discord's observed values, e.g. 5 messages per 5 s per channel and 50 requests/s globally.
/// Routes can share one limit (<see cref="Share"/>): Discord then reports the same X-RateLimit-Bucket for them
/// (topics/rate-limits "per-route limits will be shared across a set of similar endpoints").
/// </summary>
public sealed class RateLimitSettings
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RateLimitRule> _routes = new(StringComparer.Ordinal)
    {
        ["POST /channels/{channel_id}/messages"] = new(5, TimeSpan.FromSeconds(5)),
        ["PATCH /channels/{channel_id}/messages/{message_id}"] = new(5, TimeSpan.FromSeconds(5)),
        ["DELETE /channels/{channel_id}/messages/{message_id}"] = new(5, TimeSpan.FromSeconds(1)),
        ["POST /webhooks/{application_id}/{interaction_token}"] = new(5, TimeSpan.FromSeconds(2)),
        ["POST /channels/{channel_id}/threads"] = new(10, TimeSpan.FromSeconds(10)),
        ["POST /channels/{channel_id}/messages/{message_id}/threads"] = new(10, TimeSpan.FromSeconds(10)),
        ["PATCH /channels/{channel_id}"] = new(5, TimeSpan.FromSeconds(10)),
        ["PUT /applications/{application_id}/commands"] = new(2, TimeSpan.FromSeconds(20)),
        ["PUT /applications/{application_id}/guilds/{guild_id}/commands"] = new(2, TimeSpan.FromSeconds(20)),
    };

    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private HashSet<string> _knownRoutes = [];
    private RateLimitRule _global = new(50, TimeSpan.FromSeconds(1));

    /// <summary>Any route without its own limit.</summary>
    public RateLimitRule Default { get; set; } = new(50, TimeSpan.FromSeconds(1));

    public RateLimitRule Global
    {
        get
        {
            lock (_gate)
            {
                return _global;
            }
        }
    }

    /// <summary>Sets a route's limit, e.g. <c>Set("POST /channels/{channel_id}/messages", 5, TimeSpan.FromSeconds(5))</c>.</summary>
    public void Set(string route, int limit, TimeSpan per)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(per, TimeSpan.Zero);
        lock (_gate)
        {
            if (_knownRoutes.Count > 0 && !_knownRoutes.Contains(route))
            {
                throw new ArgumentException(
                    $"No route '{route}'. Known routes:\n  {string.Join("\n  ", _knownRoutes.Order(StringComparer.Ordinal))}",
                    nameof(route));
            }

            _routes[route] = new RateLimitRule(limit, per);
        }
    }

    /// <summary>
    /// Puts <paramref name="routes"/> in one bucket with one limit, e.g. message create and edit sharing 5 per 5 s
    /// per channel: a request on any of them spends the same Remaining.
    /// </summary>
    public void Share(int limit, TimeSpan per, params string[] routes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(routes.Length, 2, nameof(routes));
        var bucket = string.Join(" + ", routes.Order(StringComparer.Ordinal));
        foreach (var route in routes)
        {
            Set(route, limit, per);
        }

        lock (_gate)
        {
            foreach (var route in routes)
            {
                _shared[route] = bucket;
            }
        }
    }

    public void SetGlobal(int limit, TimeSpan per)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(per, TimeSpan.Zero);
        lock (_gate)
        {
            _global = new RateLimitRule(limit, per);
        }
    }

    /// <summary>The bucket a route counts in: its own key, or the shared bucket's name.</summary>
    internal string BucketOf(string route)
    {
        lock (_gate)
        {
            return _shared.GetValueOrDefault(route) ?? route;
        }
    }

    internal RateLimitRule For(string route)
    {
        lock (_gate)
        {
            return _routes.GetValueOrDefault(route) ?? Default;
        }
    }

    internal void SetKnownRoutes(IEnumerable<string> routes)
    {
        lock (_gate)
        {
            _knownRoutes = routes.ToHashSet(StringComparer.Ordinal);
        }
    }
}
