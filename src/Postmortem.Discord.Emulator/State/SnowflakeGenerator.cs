namespace Postmortem.Discord.Emulator;

/// <summary>Discord ids: milliseconds since the Discord epoch in the top 42 bits, a counter below.</summary>
internal sealed class SnowflakeGenerator(TimeProvider time)
{
    private const long DiscordEpochMs = 1_420_070_400_000;
    private readonly Lock _gate = new();
    private ulong _last;

    public ulong Next()
    {
        var ms = (ulong)Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        var candidate = ms << 22;
        lock (_gate)
        {
            // Many ids in one millisecond (or a fake clock that stands still) still come out unique and ordered.
            _last = candidate > _last ? candidate : _last + 1;
            return _last;
        }
    }

    public static DateTimeOffset TimestampOf(ulong snowflake) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(snowflake >> 22) + DiscordEpochMs);
}
