namespace Postmortem.Discord.Gateway;

/// <summary>Capped exponential backoff with ±20 % jitter, so many shards or bots don't retry in lockstep.</summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
{
    private int _failures;

    /// <summary>Consecutive failed attempts since the last healthy connection.</summary>
    public int Failures => _failures;

    /// <summary>The connection reached READY or RESUMED: the next reconnect may be immediate.</summary>
    public void Reset() => _failures = 0;

    /// <summary>Records a failed attempt and returns how long to wait before the next one.</summary>
    public TimeSpan NextDelay()
    {
        _failures++;
        var exponent = Math.Min(_failures - 1, 30);
        var nominal = Math.Min(min.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var jittered = nominal * (0.8 + (0.4 * random.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, min.TotalMilliseconds, max.TotalMilliseconds));
    }
}
