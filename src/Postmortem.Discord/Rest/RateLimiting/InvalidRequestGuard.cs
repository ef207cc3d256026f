using System.Net;
using Microsoft.Extensions.Logging;

namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// Keeps the bot away from Discord's invalid-request ban: counts 401/403/429 over a sliding 10 minutes, warns as
/// the count crosses each of <see cref="Warnings"/>, and from <see cref="RestRateLimitOptions.BreakerThreshold"/> on
/// spaces every request that is not an interaction response, so a bot stuck on failing requests slows down long
/// before 10,000. Interaction responses are never held: they have a 3-second deadline and are what users wait for.
/// </summary>
internal sealed class InvalidRequestGuard(TimeProvider time, RestRateLimitOptions options, ILogger logger)
{
    /// <summary>Counts at which a warning is logged, once per crossing; Discord bans the IP at 10,000.</summary>
    public static readonly int[] Warnings = [100, 1_000, 2_500, 5_000, 7_500];

    private readonly InvalidRequestCounter _counter = new(time);
    private readonly Lock _state = new();
    private int _warnedLevel;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public int Current => _counter.Current;

    public bool IsOpen => _counter.Current >= options.BreakerThreshold;

    /// <summary>Counts the response if Discord does, and warns at a newly crossed threshold.</summary>
    public void Observe(DiscordRoute route, HttpStatusCode status, string? scope)
    {
        if (!InvalidRequestCounter.Counts(status, scope))
        {
            return;
        }

        var count = _counter.Record();
        var level = Warnings.Count(threshold => count >= threshold);
        int? crossed = null;
        lock (_state)
        {
            if (level > _warnedLevel)
            {
                crossed = Warnings[level - 1];
            }

            // Falling back below a threshold re-arms its warning for the next climb.
            _warnedLevel = level;
        }

        if (crossed is { } threshold)
        {
            RestLog.InvalidRequests(logger, count, threshold, InvalidRequestCounter.DiscordLimit, route, count >= options.BreakerThreshold);
        }
    }

    /// <summary>Waits for this request's turn while the breaker is open; returns at once otherwise.</summary>
    public async Task WaitAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        if (route.IsInteractionRoute || !IsOpen)
        {
            return;
        }

        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (_state)
        {
            slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + options.BreakerSpacing;
        }

        if (slot > now)
        {
            await Task.Delay(slot - now, time, cancellationToken);
        }
    }
}
