namespace Postmortem.Discord.Gateway;

/// <summary>
/// Discord allows 120 gateway events per connection per 60 s and disconnects (4008) beyond that.
/// Ordinary events get a smaller budget so a heartbeat always finds a slot. One limiter per connection.
/// </summary>
internal sealed class GatewaySendLimiter
{
    public const int DiscordLimit = 120;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time;
    private readonly int _budget;
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    public GatewaySendLimiter(TimeProvider time, int budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(budget, DiscordLimit);
        _time = time;
        _budget = budget;
    }

    /// <summary>Takes a slot and returns zero, or returns how long to wait before asking again.</summary>
    public TimeSpan TryAcquire(bool isHeartbeat)
    {
        var limit = isHeartbeat ? DiscordLimit : _budget;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_sent.TryPeek(out var oldest) && oldest + Window <= now)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < limit)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            // Enough of the oldest sends must leave the window to bring the count below the limit.
            var freesSlot = _sent.ElementAt(_sent.Count - limit);
            return freesSlot + Window - now;
        }
    }

    public async ValueTask WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        for (var wait = TryAcquire(isHeartbeat); wait > TimeSpan.Zero; wait = TryAcquire(isHeartbeat))
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }
}
