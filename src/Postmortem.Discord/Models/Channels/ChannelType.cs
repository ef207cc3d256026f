namespace Postmortem.Discord.Models;

/// <summary>
/// Channel types (resources/channel "Channel Types"). Int-backed so a type Discord adds later still deserializes.
/// </summary>
public enum ChannelType
{
    GuildText = 0,
    DM = 1,
    GuildVoice = 2,
    GroupDM = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildStageVoice = 13,
    GuildDirectory = 14,
    GuildForum = 15,
    GuildMedia = 16,
}

public static class ChannelTypeExtensions
{
    public static bool IsThread(this ChannelType type) =>
        type is ChannelType.AnnouncementThread or ChannelType.PublicThread or ChannelType.PrivateThread;
}
