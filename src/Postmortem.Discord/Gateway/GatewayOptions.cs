namespace Postmortem.Discord.Gateway;

/// <summary>
/// Tuning for the gateway connection, bound from "Discord:Gateway". The defaults follow Discord's
/// documentation; tests shorten the delays so they run in milliseconds.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Discord:Gateway";

    /// <summary>First reconnect delay after a failed attempt; doubles per failure (with jitter).</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the reconnect delay.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord asks for a random 1–5 s wait before identifying again after op 9 (d = false).</summary>
    public TimeSpan InvalidSessionDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for Hello after the socket opened before giving up on the connection.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a closing handshake may take before the socket is simply dropped.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Events other than heartbeats we allow ourselves per 60 s. Discord disconnects at 120; the
    /// headroom keeps a slot free for heartbeats, which may always use the full 120.
    /// </summary>
    public int SendBudgetPerMinute { get; set; } = 110;

    /// <summary>Capacity of each ordered event queue between the socket and the handlers.</summary>
    public int EventQueueCapacity { get; set; } = 1024;

    /// <summary>
    /// Number of ordered event queues (and consumers). Events of one channel always share a queue,
    /// so a thread's messages are handled in order; interactions run independently.
    /// </summary>
    public int EventConsumers { get; set; } = 4;

    /// <summary>
    /// Transport compression for what Discord sends ("compress" in the gateway URL). zlib-stream by default: a
    /// GUILD_CREATE storm at startup shrinks several-fold. zstd-stream is refused at startup (not supported here).
    /// </summary>
    public TransportCompression TransportCompression { get; set; } = TransportCompression.ZlibStream;

    /// <summary>How long a Request Guild Members (op 8) waits for all its chunks before giving up.</summary>
    public TimeSpan MemberRequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Identify "properties.browser" and "properties.device": the library name.</summary>
    public string ClientName { get; set; } = "Postmortem.Discord";
}
