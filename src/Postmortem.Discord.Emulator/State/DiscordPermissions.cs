namespace Postmortem.Discord.Emulator;

/// <summary>Discord permission bits (topics/permissions.mdx), serialized as decimal strings.</summary>
[Flags]
public enum DiscordPermissions : ulong
{
    None = 0,
    CreateInstantInvite = 1UL << 0,
    KickMembers = 1UL << 1,
    BanMembers = 1UL << 2,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    AddReactions = 1UL << 6,
    ViewAuditLog = 1UL << 7,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    ManageMessages = 1UL << 13,
    EmbedLinks = 1UL << 14,
    AttachFiles = 1UL << 15,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    UseExternalEmojis = 1UL << 18,
    ChangeNickname = 1UL << 26,
    ManageNicknames = 1UL << 27,
    ManageRoles = 1UL << 28,
    ManageWebhooks = 1UL << 29,
    UseApplicationCommands = 1UL << 31,
    ManageEvents = 1UL << 33,
    ManageThreads = 1UL << 34,
    CreatePublicThreads = 1UL << 35,
    CreatePrivateThreads = 1UL << 36,
    SendMessagesInThreads = 1UL << 38,
    ModerateMembers = 1UL << 40,
    CreateEvents = 1UL << 44,
    PinMessages = 1UL << 51,

    /// <summary>What @everyone gets in a new server, roughly.</summary>
    DefaultEveryone = ViewChannel | SendMessages | AddReactions | EmbedLinks | AttachFiles | ReadMessageHistory
        | UseExternalEmojis | ChangeNickname | UseApplicationCommands | CreatePublicThreads | CreatePrivateThreads
        | SendMessagesInThreads | CreateInstantInvite,

    /// <summary>What the emulated bot gets unless a test says otherwise: enough to run postmortems.</summary>
    DefaultBot = DefaultEveryone | ManageMessages | ManageThreads | PinMessages,
}
