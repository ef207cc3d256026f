namespace Postmortem.Discord.Emulator;

/// <summary>Discord channel types (resources/channel.mdx "Channel Types").</summary>
public enum ChannelKind
{
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildStageVoice = 13,
    GuildForum = 15,
}

internal static class ChannelKindExtensions
{
    public static bool IsThread(this ChannelKind kind) =>
        kind is ChannelKind.AnnouncementThread or ChannelKind.PublicThread or ChannelKind.PrivateThread;
}
