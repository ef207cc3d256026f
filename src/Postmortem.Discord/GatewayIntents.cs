namespace Postmortem.Discord;

/// <summary>Gateway intents (Discord docs, events/gateway "List of Intents").</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMembers = 1 << 1,
    GuildMessages = 1 << 9,
    GuildMessageReactions = 1 << 10,
    DirectMessages = 1 << 12,
    MessageContent = 1 << 15,
}
