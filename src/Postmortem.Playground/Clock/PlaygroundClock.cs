namespace Postmortem.Playground.Clock;

/// <summary>
/// The playground's time: the real clock plus an offset that only grows. <see cref="Advance"/> jumps ahead, and
/// every timer made from this clock (Quartz's waits, delays, heartbeats) is re-armed for the new time, so whatever
/// fell due on the way fires at once: reminders, digests and meeting agendas arrive without waiting.
/// </summary>
public sealed class PlaygroundClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<ShiftableTimer> _timers = [];
    private readonly TimeProvider _real;
    private TimeSpan _offset;

    public PlaygroundClock(TimeProvider? real = null, TimeSpan offset = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, TimeSpan.Zero);
        _real = real ?? System;
        _offset = offset;
    }

    /// <summary>How far the playground is ahead of the real clock.</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>Moves the playground's time forward; timers that fell due on the way fire now (each once).</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        ShiftableTimer[] timers;
        lock (_gate)
        {
            _offset += delta;
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Rearm();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ShiftableTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void Forget(ShiftableTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>
    /// A real timer that remembers when it is due on the playground's clock, so a jump can bring it forward. It
    /// keeps its own period: after a jump a periodic timer fires once, not once per period skipped.
    /// </summary>
    private sealed class ShiftableTimer : ITimer
    {
        private readonly Lock _gate = new();
        private readonly PlaygroundClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _inner;
        private DateTimeOffset? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public ShiftableTimer(PlaygroundClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _inner = clock._real.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                ArmLocked();
                return true;
            }
        }

        public void Rearm()
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    ArmLocked();
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _dueAt = null;
            }

            _inner.Dispose();
            _clock.Forget(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void ArmLocked()
        {
            if (_dueAt is not { } due)
            {
                _inner.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            var left = due - _clock.GetUtcNow();
            _inner.Change(left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        private void Tick()
        {
            lock (_gate)
            {
                if (_disposed || _dueAt is null)
                {
                    return;
                }

                _dueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _clock.GetUtcNow() + _period;
                ArmLocked();
            }

            _callback(_state);
        }
    }
}
