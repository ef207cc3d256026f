namespace Postmortem.Discord.Emulator;

/// <summary>How the fake Discord behaves. The defaults are Discord's documented values.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The token the emulator accepts; a random one when null.</summary>
    public string? BotToken { get; init; }

    public string BotName { get; init; } = "Postmortem Bot";

    /// <summary>Drives the interaction deadline, token lifetime, rate-limit windows and snowflakes.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sent in Hello. Discord's is 41250 ms; tests use small values.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary>Privileged intents "enabled in the Developer Portal"; identifying with others gets 4014.</summary>
    public EmulatorIntents EnabledPrivilegedIntents { get; init; } = EmulatorIntents.None;

    /// <summary>The <c>shards</c> value of GET /gateway/bot.</summary>
    public int RecommendedShards { get; init; } = 1;

    /// <summary>Identifies allowed per <see cref="IdentifyWindow"/>; more get op 9.</summary>
    public int MaxConcurrency { get; init; } = 1;

    public TimeSpan IdentifyWindow { get; init; } = TimeSpan.FromSeconds(5);

    public int SessionStartLimit { get; init; } = 1000;

    /// <summary>The initial interaction response must arrive within this time of INTERACTION_CREATE.</summary>
    public TimeSpan InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token works for followups and edits.</summary>
    public TimeSpan InteractionTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The largest file one upload may carry (reference.mdx "Uploading Files": the limit applies to each file; 10 MiB by
    /// default, more on boosted servers). Also sent as <c>attachment_size_limit</c> with interactions.
    /// </summary>
    public long MaxUploadBytes { get; init; } = UploadRules.DefaultMaxFileBytes;

    /// <summary>Check every request body against discord-api-spec's Zod schemas (needs node).</summary>
    public bool ValidateSchemas { get; init; } = true;

    /// <summary>How long test helpers wait for the bot (to connect, to respond) before failing.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest websocket frame the gateway sends; longer messages go out in several frames, as a GUILD_CREATE
    /// does on Discord. Tests make it small to exercise reassembly.
    /// </summary>
    public int GatewayFrameBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// How much recorded history the emulator keeps for tests to read: the last this-many REST requests, gateway
    /// frames and closes, 429s, and interactions. null keeps everything (for a test that reads it all). Live state
    /// is never dropped: messages stay editable, and an interaction stays answerable while its token lives.
    /// Violations are always all kept.
    /// </summary>
    public int? HistoryLimit { get; init; } = 10_000;

    /// <summary>How long the server waits for the client to close after op 7 / op 9 before closing itself.</summary>
    public TimeSpan ReconnectGrace { get; init; } = TimeSpan.FromSeconds(5);
}
