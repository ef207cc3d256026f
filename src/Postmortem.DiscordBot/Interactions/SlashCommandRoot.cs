namespace Postmortem.DiscordBot.Interactions;

/// <summary>A top-level slash command; handlers add its subcommands and groups.</summary>
public sealed record SlashCommandRoot(string Name, string Description);
