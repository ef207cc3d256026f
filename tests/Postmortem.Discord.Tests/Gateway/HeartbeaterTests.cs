using Postmortem.Discord.Gateway;
using Postmortem.Testing;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class HeartbeaterTests
{
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(41_250);
    private readonly FakeTimeProvider _time = new();
    private int _beats;
    private int _zombies;

    [Fact]
    public void FirstBeat_ComesAfterIntervalTimesJitter_ThenEveryInterval()
    {
        using var heartbeater = Create();
        heartbeater.Start(_interval, jitter: 0.25);

        _time.Advance((_interval * 0.25) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _beats);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _beats);

        heartbeater.Acknowledge();
        _time.Advance(_interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _beats);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _beats);
        Assert.Equal(0, _zombies);
    }

    [Fact]
    public void Beat_WithoutAnAckSinceThePreviousOne_ReportsAZombieOnceAndStops()
    {
        using var heartbeater = Create();
        heartbeater.Start(_interval, jitter: 0);
        _time.Advance(TimeSpan.Zero);
        Assert.Equal(1, _beats);

        _time.Advance(_interval);
        _time.Advance(_interval * 3);

        Assert.Equal(1, _beats);
        Assert.Equal(1, _zombies);
    }

    [Fact]
    public void Acknowledge_MeasuresTheRoundTrip()
    {
        using var heartbeater = Create();
        heartbeater.Start(_interval, jitter: 0);
        _time.Advance(TimeSpan.Zero);

        _time.Advance(TimeSpan.FromMilliseconds(80));
        heartbeater.Acknowledge();

        Assert.Equal(TimeSpan.FromMilliseconds(80), heartbeater.Latency);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void FirstDelay_JitterOutsideZeroToOne_IsRejected(double jitter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Heartbeater.FirstDelay(_interval, jitter));

    [Fact]
    public void FirstDelay_WithRandomJitter_StaysWithinTheInterval()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var delay = Heartbeater.FirstDelay(_interval, random.NextDouble());
            Assert.InRange(delay, TimeSpan.Zero, _interval - TimeSpan.FromTicks(1));
        }
    }

    [Fact]
    public void Dispose_StopsTheSchedule()
    {
        var heartbeater = Create();
        heartbeater.Start(_interval, jitter: 0.5);

        heartbeater.Dispose();
        _time.Advance(_interval * 5);

        Assert.Equal(0, _beats + _zombies);
    }

    private Heartbeater Create() => new(_time, () => _beats++, () => _zombies++);
}
