using Postmortem.Discord.Gateway;
using Postmortem.Testing;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryAcquire_BeyondTheBudget_WaitsUntilTheOldestSendLeavesTheWindow()
    {
        var limiter = new GatewaySendLimiter(_time, budget: 110);
        for (var i = 0; i < 110; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(isHeartbeat: false));
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // The first send happened 11 s ago, so it leaves the 60 s window in 49 s.
        Assert.Equal(TimeSpan.FromSeconds(49), limiter.TryAcquire(isHeartbeat: false));
        _time.Advance(TimeSpan.FromSeconds(49));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(isHeartbeat: false));
    }

    [Fact]
    public void TryAcquire_Heartbeat_StillGetsASlotWhenTheBudgetIsSpent()
    {
        var limiter = new GatewaySendLimiter(_time, budget: 110);
        for (var i = 0; i < 110; i++)
        {
            limiter.TryAcquire(isHeartbeat: false);
        }

        Assert.True(limiter.TryAcquire(isHeartbeat: false) > TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(isHeartbeat: true));
        }

        // Discord's own limit of 120 holds even for heartbeats.
        Assert.Equal(GatewaySendLimiter.Window, limiter.TryAcquire(isHeartbeat: true));
    }

    [Fact]
    public void TryAcquire_AfterHeartbeatsUsedTheHeadroom_OrdinaryEventsWaitForEnoughSlotsToFree()
    {
        var limiter = new GatewaySendLimiter(_time, budget: 3);
        limiter.TryAcquire(isHeartbeat: true);
        _time.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire(isHeartbeat: true);
        _time.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire(isHeartbeat: false);
        _time.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire(isHeartbeat: true);

        // Four sends in the window, budget 3: the two oldest must leave, the second at 61 s.
        Assert.Equal(TimeSpan.FromSeconds(58), limiter.TryAcquire(isHeartbeat: false));
    }

    [Fact]
    public async Task WaitAsync_WhenTheBudgetIsSpent_CompletesOnlyOnceTheWindowMoved()
    {
        var limiter = new GatewaySendLimiter(_time, budget: 1);
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);

        var waiting = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        _time.Advance(GatewaySendLimiter.Window);

        await waiting.WaitAsync(ScriptedGatewayServer.Timeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void Constructor_BudgetOutsideDiscordsLimit_IsRejected(int budget) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GatewaySendLimiter(_time, budget));
}
