using Postmortem.Playground.Clock;
using Postmortem.Testing;

namespace Postmortem.Playground.Tests;

/// <summary>The playground's clock, on a fake "real" clock so nothing waits.</summary>
public sealed class PlaygroundClockTests
{
    private static DateTimeOffset Start { get; } = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_MovesNowForward_OnTopOfRealTime()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new PlaygroundClock(real);

        clock.Advance(TimeSpan.FromDays(7));
        real.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Start + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(5), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void ATimerDueOnTheWay_FiresWhenTheClockJumps_AndOneDueLaterStillWaits()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new PlaygroundClock(real);
        var fired = new List<string>();
        using var tomorrow = clock.CreateTimer(_ => fired.Add("tomorrow"), null, TimeSpan.FromDays(1), Timeout.InfiniteTimeSpan);
        using var nextMonth = clock.CreateTimer(_ => fired.Add("next month"), null, TimeSpan.FromDays(30), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromDays(7));
        real.Advance(TimeSpan.Zero); // the re-armed real timer is due now

        Assert.Equal(["tomorrow"], fired);
        real.Advance(TimeSpan.FromDays(22));
        Assert.Equal(["tomorrow"], fired);
        real.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["tomorrow", "next month"], fired);
    }

    [Fact]
    public void APeriodicTimer_FiresOnceAfterAJump_NotOncePerSkippedPeriod()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new PlaygroundClock(real);
        var count = 0;
        using var heartbeat = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40));

        clock.Advance(TimeSpan.FromHours(1));
        real.Advance(TimeSpan.Zero);

        Assert.Equal(1, count);
        real.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(2, count);
    }

    [Fact]
    public void ADisposedTimer_NeverFires()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new PlaygroundClock(real);
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromDays(1));
        real.Advance(TimeSpan.FromDays(1));

        Assert.False(fired);
    }
}
