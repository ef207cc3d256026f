using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan _min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _max = TimeSpan.FromSeconds(60);

    [Fact]
    public void NextDelay_DoublesPerFailure_UpToTheCap()
    {
        var backoff = new ReconnectBackoff(_min, _max, new FixedRandom(0.5));

        var delays = Enumerable.Range(0, 9).Select(_ => backoff.NextDelay().TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.999)]
    public void NextDelay_Jitter_StaysWithinTwentyPercentAndTheBounds(double draw)
    {
        var backoff = new ReconnectBackoff(_min, _max, new FixedRandom(draw));

        backoff.NextDelay();
        var second = backoff.NextDelay();
        Assert.InRange(second.TotalSeconds, 1.6, 2.4);
        for (var i = 0; i < 20; i++)
        {
            Assert.InRange(backoff.NextDelay(), _min, _max);
        }
    }

    [Fact]
    public void Reset_StartsOverFromTheMinimum()
    {
        var backoff = new ReconnectBackoff(_min, _max, new FixedRandom(0.5));
        backoff.NextDelay();
        backoff.NextDelay();

        backoff.Reset();

        Assert.Equal(_min, backoff.NextDelay());
    }
}
