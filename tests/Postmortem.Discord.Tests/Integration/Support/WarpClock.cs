using System.Diagnostics;

namespace Postmortem.Discord.Tests.Integration.Support;

/// <summary>
/// A real, running clock for tests over real sockets, shared by the client and the emulator so both agree on
/// what time it is. It can run faster than real time (<see cref="Speed"/>: a 5 s rate-limit window passes in
/// 50 ms at 100x) and can <see cref="Jump"/> ahead (Discord's 5 s identify window is over at once).
/// <para>
/// Its timers never fire early in its own time: a real timer that wakes up before the warped due time (timer
/// granularity, a speed-up magnifying it) is simply re-armed. So a client that waits exactly as long as Discord
/// said is on time, and one that waits too little is still caught. (Postmortem.Testing's FakeTimeProvider only
/// moves when told to, which would stall heartbeats and HTTP round trips here.)
/// </para>
/// </summary>
internal sealed class WarpClock : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly HashSet<WarpTimer> _timers = [];
    private long _jumpedTicks;

    public WarpClock(double speed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1);
        Speed = speed;
    }

    /// <summary>How many warped seconds pass per real second.</summary>
    public double Speed { get; }

    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_startTimestamp).Ticks * Speed)) + TimeSpan.FromTicks(Interlocked.Read(ref _jumpedTicks));

    // Elapsed-time measurements (GetElapsedTime) follow the warped clock too.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward at once; timers that fall due on the way fire now.</summary>
    public void Jump(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _jumpedTicks, by.Ticks);
        WarpTimer[] timers;
        lock (_gate)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Rearm();
        }
    }

    /// <summary>Converts a warped duration into the real time a timer has to wait for it.</summary>
    public TimeSpan ToReal(TimeSpan warped) => warped <= TimeSpan.Zero ? TimeSpan.Zero : warped / Speed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WarpTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void Forget(WarpTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class WarpTimer : ITimer
    {
        private readonly WarpClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly Timer _real;
        private readonly Lock _gate = new();
        private DateTimeOffset? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public WarpTimer(WarpClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _real = new Timer(static self => ((WarpTimer)self!).OnRealTick(), this, Timeout.Infinite, Timeout.Infinite);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    _dueAt = null;
                    _real.Change(Timeout.Infinite, Timeout.Infinite);
                }
                else
                {
                    _dueAt = _clock.GetUtcNow() + dueTime;
                    ArmUnsafe(dueTime);
                }

                return true;
            }
        }

        public void Rearm()
        {
            lock (_gate)
            {
                if (!_disposed && _dueAt is { } due)
                {
                    ArmUnsafe(due - _clock.GetUtcNow());
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _dueAt = null;
                _real.Dispose();
            }

            _clock.Forget(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void OnRealTick()
        {
            lock (_gate)
            {
                if (_disposed || _dueAt is not { } due)
                {
                    return;
                }

                var now = _clock.GetUtcNow();
                if (now < due)
                {
                    // Woke up early in warped time: wait for the rest.
                    ArmUnsafe(due - now);
                    return;
                }

                if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
                {
                    // Like a real periodic timer after a long stall: skip the missed beats, don't fire them in a burst.
                    var next = due + _period;
                    _dueAt = next > now ? next : now + _period;
                    ArmUnsafe(_dueAt.Value - now);
                }
                else
                {
                    _dueAt = null;
                }
            }

            // Outside the lock: the callback may change or dispose this timer.
            _callback(_state);
        }

        // Real timers count whole milliseconds; round up so they don't fire early for want of a fraction.
        private void ArmUnsafe(TimeSpan warpedRemaining) =>
            _real.Change(TimeSpan.FromMilliseconds(Math.Ceiling(_clock.ToReal(warpedRemaining).TotalMilliseconds)), Timeout.InfiniteTimeSpan);
    }
}
