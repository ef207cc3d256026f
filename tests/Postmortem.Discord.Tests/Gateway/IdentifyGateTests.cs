using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Discord.Gateway;
using Postmortem.Testing;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class IdentifyGateTests
{
    private static readonly TimeSpan _window = IdentifyGate.ConcurrencyWindow;
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(5, 1, 0)]
    [InlineData(5, 16, 5)]
    [InlineData(17, 16, 1)]
    [InlineData(31, 16, 15)]
    public void RateLimitKey_IsShardIdModuloMaxConcurrency(int shardId, int maxConcurrency, int expected) =>
        Assert.Equal(expected, IdentifyGate.RateLimitKey(shardId, maxConcurrency));

    [Fact]
    public void Reserve_MaxConcurrencyOne_SpacesEveryIdentifyFiveSecondsApart()
    {
        var gate = CreateGate(new IdentifyLimits(1000, 1000, TimeSpan.FromHours(24), MaxConcurrency: 1));

        Assert.Equal(TimeSpan.Zero, gate.Reserve(0));
        Assert.Equal(_window, gate.Reserve(1));
        Assert.Equal(2 * _window, gate.Reserve(2));
    }

    [Fact]
    public void Reserve_ShardsWithDifferentKeys_IdentifyTogether_SameKeyWaits()
    {
        var gate = CreateGate(new IdentifyLimits(1000, 1000, TimeSpan.FromHours(24), MaxConcurrency: 2));

        Assert.Equal(TimeSpan.Zero, gate.Reserve(0));
        Assert.Equal(TimeSpan.Zero, gate.Reserve(1));
        Assert.Equal(_window, gate.Reserve(2));
        Assert.Equal(_window, gate.Reserve(3));
    }

    [Fact]
    public void Reserve_AfterTheWindowPassed_IsImmediate()
    {
        var gate = CreateGate(IdentifyLimits.Unknown);
        gate.Reserve(0);

        _time.Advance(_window);

        Assert.Equal(TimeSpan.Zero, gate.Reserve(0));
    }

    [Fact]
    public void Reserve_WhenTheDailySessionStartsAreUsedUp_WaitsForTheReset()
    {
        var resetAfter = TimeSpan.FromHours(3);
        var gate = CreateGate(new IdentifyLimits(1000, Remaining: 1, resetAfter, MaxConcurrency: 1));

        Assert.Equal(TimeSpan.Zero, gate.Reserve(0));
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(resetAfter - TimeSpan.FromMinutes(1), gate.Reserve(0));
    }

    [Fact]
    public async Task WaitAsync_SecondIdentifyOfTheKey_CompletesWhenTheWindowPassed()
    {
        var gate = CreateGate(IdentifyLimits.Unknown);
        await gate.WaitAsync(0, CancellationToken.None);

        var second = gate.WaitAsync(0, CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        _time.Advance(_window);

        await second.WaitAsync(ScriptedGatewayServer.Timeout);
    }

    private IdentifyGate CreateGate(IdentifyLimits limits)
    {
        var gate = new IdentifyGate(_time, NullLogger.Instance);
        gate.Update(limits);
        return gate;
    }
}
