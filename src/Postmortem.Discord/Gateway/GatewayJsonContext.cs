using System.Text.Json.Serialization;

namespace Postmortem.Discord.Gateway;

/// <summary>Source-generated JSON for the gateway's own envelope types (snake_case like Discord).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadySession))]
[JsonSerializable(typeof(RequestGuildMembersCommand))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
