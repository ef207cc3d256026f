namespace Postmortem.Discord.Gateway;

/// <summary>
/// Heartbeat schedule of one connection (Discord docs, gateway "Sending Heartbeats"): the first beat
/// after <c>interval * jitter</c> with jitter in [0, 1), then one per interval. A beat that finds the
/// previous one still unacknowledged means the connection is zombied.
/// </summary>
internal sealed class Heartbeater(TimeProvider time, Action beat, Action zombied) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _awaitingAck;
    private DateTimeOffset _sentAt;

    /// <summary>Round trip of the last acknowledged heartbeat.</summary>
    public TimeSpan? Latency { get; private set; }

    public static TimeSpan FirstDelay(TimeSpan interval, double jitter)
    {
        if (jitter is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be in [0, 1).");
        }

        return interval * jitter;
    }

    public void Start(TimeSpan interval, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        lock (_gate)
        {
            if (_timer is not null)
            {
                throw new InvalidOperationException("The heartbeat is already running.");
            }

            _timer = time.CreateTimer(_ => Tick(), null, FirstDelay(interval, jitter), interval);
        }
    }

    public void Acknowledge()
    {
        lock (_gate)
        {
            if (_awaitingAck)
            {
                _awaitingAck = false;
                Latency = time.GetUtcNow() - _sentAt;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Tick()
    {
        bool isZombie;
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            isZombie = _awaitingAck;
            if (isZombie)
            {
                _timer.Dispose();
                _timer = null;
            }
            else
            {
                _awaitingAck = true;
                _sentAt = time.GetUtcNow();
            }
        }

        // Callbacks run outside the lock: they send on or close a socket.
        if (isZombie)
        {
            zombied();
        }
        else
        {
            beat();
        }
    }
}
