namespace Postmortem.Discord.Gateway;

// The "d" of the payloads we send. Both carry the token, so ToString never prints it.

/// <summary>Op 2 Identify (Discord docs, gateway-events "Identify").</summary>
internal sealed record IdentifyCommand(string Token, int Intents, IdentifyProperties Properties, int[] Shard)
{
    public override string ToString() => $"Identify {{ Intents = {Intents}, Shard = [{string.Join(", ", Shard)}] }}";
}

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

/// <summary>Op 6 Resume (Discord docs, gateway-events "Resume").</summary>
internal sealed record ResumeCommand(string Token, string SessionId, long Seq)
{
    public override string ToString() => $"Resume {{ SessionId = {SessionId}, Seq = {Seq} }}";
}

/// <summary>The part of op 10 Hello we use.</summary>
internal sealed record HelloData(int HeartbeatInterval);

/// <summary>The part of READY the connection itself needs; the bot gets the rest as <see cref="ReadyEvent"/>.</summary>
internal sealed record ReadySession(string SessionId, string ResumeGatewayUrl);
