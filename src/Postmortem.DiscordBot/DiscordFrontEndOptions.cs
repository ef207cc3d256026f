namespace Postmortem.DiscordBot;

/// <summary>Settings of the "DiscordBot" configuration section.</summary>
public sealed class DiscordFrontEndOptions
{
    public const string SectionName = "DiscordBot";

    /// <summary>
    /// Guild ids to register the slash commands in directly (instant, for development). Empty: register them
    /// globally, which Discord may take a while to show everywhere.
    /// </summary>
    public IList<string> CommandGuildIds { get; } = [];
}
