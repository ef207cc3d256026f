using System.Text.Json.Serialization;
using Postmortem.Discord.Json;

namespace Postmortem.Discord.Models;

/// <summary>
/// Permission bits (Discord docs, topics/permissions). Serialized as a decimal string because the set outgrew 53 bits;
/// bits this enum does not name are kept, so new permissions never break deserialization.
/// </summary>
[Flags]
[JsonConverter(typeof(PermissionsConverter))]
#pragma warning disable CA1028 // Discord's permission set is a 64-bit field; int would truncate it.
public enum Permissions : ulong
#pragma warning restore CA1028
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
}
