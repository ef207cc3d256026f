namespace Postmortem.Discord.Gateway;

/// <summary>Gateway opcodes (Discord docs, topics/opcodes-and-status-codes "Gateway Opcodes").</summary>
public enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,
    Reconnect = 7,
    RequestGuildMembers = 8,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
