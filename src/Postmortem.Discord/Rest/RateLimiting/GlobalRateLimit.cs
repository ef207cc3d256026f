namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// The per-bot global limit. Discord documents 50/s and sends no header for it, so it is the one limit we cannot
/// learn: the rate comes from <see cref="RestRateLimitOptions.GlobalRequestsPerSecond"/>, which keeps headroom below
/// 50, and a global 429's retry_after stops everything for that long.
/// </summary>
/// <remarks>
/// Discord counts a request when it arrives, which is some time between our sending it and our reading its answer.
/// So a request holds its slot while in flight and for one <see cref="Window"/> after its answer came back: then no
/// window of Discord's can see more than the rate from us, however late a stalled machine or network delivers
/// requests sent earlier. A fixed one second after sending, which is what a sliding log gives, is not enough: a
/// stall can deliver one second's requests in the next second together with that second's own.
/// </remarks>
internal sealed class GlobalRateLimit(TimeProvider time, int requestsPerSecond)
{
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _state = new();
    private readonly List<Lease> _leases = [];
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public int RequestsPerSecond { get; } = requestsPerSecond;

    /// <summary>Waits for a slot and takes it; dispose the lease once the answer has arrived (or the attempt failed).</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan? delay;
            Task released;
            lock (_state)
            {
                var now = time.GetUtcNow();
                _leases.RemoveAll(lease => lease.FreeAt is { } free && free <= now);
                if (_blockedUntil > now)
                {
                    delay = _blockedUntil - now;
                }
                else if (_leases.Count < RequestsPerSecond)
                {
                    var lease = new Lease(this);
                    _leases.Add(lease);
                    return lease;
                }
                else
                {
                    // Full: the earliest slot to come free, or, with every request still in flight, the next answer.
                    var next = _leases.Where(l => l.FreeAt is not null).Select(l => l.FreeAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                    delay = next == DateTimeOffset.MaxValue ? null : next - now;
                }

                released = _released.Task;
            }

            if (delay is { } wait)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            else
            {
                await released.WaitAsync(cancellationToken);
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

    private void Release(Lease lease)
    {
        TaskCompletionSource released;
        lock (_state)
        {
            if (lease.FreeAt is not null)
            {
                return;
            }

            lease.FreeAt = time.GetUtcNow() + Window;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    private sealed class Lease(GlobalRateLimit owner) : IDisposable
    {
        /// <summary>Null while the request is in flight; then one window after its answer.</summary>
        public DateTimeOffset? FreeAt { get; set; }

        public void Dispose() => owner.Release(this);
    }
}
