using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>A payload the bot sent over the gateway (tokens redacted).</summary>
public sealed record GatewayFrame(DateTimeOffset At, int Op, JsonNode? Data);

/// <summary>How a gateway connection ended.</summary>
public sealed record GatewayClose(DateTimeOffset At, int? Code, string? Reason, bool ByClient);
