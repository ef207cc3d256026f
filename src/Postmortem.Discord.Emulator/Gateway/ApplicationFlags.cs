namespace Postmortem.Discord.Emulator;

/// <summary>resources/application.mdx "Application Flags" for the privileged intents an app has switched on.</summary>
internal static class ApplicationFlags
{
    private const int GatewayPresenceLimited = 1 << 13;
    private const int GatewayGuildMembersLimited = 1 << 15;
    private const int GatewayMessageContentLimited = 1 << 19;

    public static int For(EmulatorIntents enabled) =>
        (enabled.HasFlag(EmulatorIntents.GuildPresences) ? GatewayPresenceLimited : 0)
        | (enabled.HasFlag(EmulatorIntents.GuildMembers) ? GatewayGuildMembersLimited : 0)
        | (enabled.HasFlag(EmulatorIntents.MessageContent) ? GatewayMessageContentLimited : 0);
}
