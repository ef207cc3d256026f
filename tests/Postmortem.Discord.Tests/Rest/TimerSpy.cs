using System.Threading.Channels;
using Postmortem.Testing;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer created on it, so a test can wait until the code
/// under test is actually waiting, check how long it means to wait, and then move the clock.
/// </summary>
public sealed class TimerSpy : TimeProvider
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (a Task.Delay the client started).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _timers.Reader.ReadAsync(timeout.Token);
    }

    public bool HasPendingTimerReport => _timers.Reader.TryPeek(out _);

    /// <summary>The due times of the timers created and not yet taken by <see cref="NextTimerAsync"/>.</summary>
    public IReadOnlyList<TimeSpan> TakeReports()
    {
        var reports = new List<TimeSpan>();
        while (_timers.Reader.TryRead(out var due))
        {
            reports.Add(due);
        }

        return reports;
    }

    public void Advance(TimeSpan delta) => _clock.Advance(delta);
}
