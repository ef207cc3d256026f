namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// The per-bot global limit: at most <see cref="RequestsPerSecond"/> requests in any one-second window, and a full
/// stop while a global 429's retry_after runs. Each caller reserves the earliest free slot under a lock (a sliding
/// log of slot times), so callers are served in arrival order and no burst crosses a window edge.
/// Discord documents 50/s and sends no header for it, so it is the one limit we cannot learn: the rate comes from
/// <see cref="RestRateLimitOptions.GlobalRequestsPerSecond"/>, which keeps headroom below 50.
/// </summary>
internal sealed class GlobalRateLimit(TimeProvider time, int requestsPerSecond)
{
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _state = new();
    private readonly List<DateTimeOffset> _slots = [];
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public int RequestsPerSecond { get; } = requestsPerSecond;

    /// <summary>Waits for a slot and takes it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var delay = Reserve();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }

            // A global 429 that arrived while we waited voids the slot; queue up again behind the block.
            if (!IsBlocked())
            {
                return;
            }
        }
    }

    public void BlockFor(TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_state)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private TimeSpan Reserve()
    {
        var now = time.GetUtcNow();
        lock (_state)
        {
            var expired = _slots.FindIndex(slot => slot + Window > now);
            _slots.RemoveRange(0, expired < 0 ? _slots.Count : expired);

            var slot = _blockedUntil > now ? _blockedUntil : now;
            if (_slots.Count >= RequestsPerSecond)
            {
                // Slots are taken in order, so the one RequestsPerSecond back decides when a window has room.
                var freedAt = _slots[^RequestsPerSecond] + Window;
                if (freedAt > slot)
                {
                    slot = freedAt;
                }
            }

            _slots.Add(slot);
            return slot - now;
        }
    }

    private bool IsBlocked()
    {
        var now = time.GetUtcNow();
        lock (_state)
        {
            return _blockedUntil > now;
        }
    }
}
