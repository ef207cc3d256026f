using Postmortem.Discord.Models;

namespace Postmortem.DiscordBot.Commands;

/// <summary>The <c>/postmortem</c> command: its name, description and the options several subcommands share.</summary>
public static class PostmortemCommand
{
    public const string Name = "postmortem";

    public const string Description = "Run a blameless incident postmortem together";

    /// <summary>The option naming a postmortem outside its thread.</summary>
    public const string IdOption = "id";

    /// <summary><c>id</c>: which postmortem, suggested by title as you type. Not needed inside its thread.</summary>
    public static ApplicationCommandOption PostmortemIdOption { get; } = new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = IdOption,
        Description = "Which postmortem (not needed inside its thread)",
        Autocomplete = true,
        MinValue = 1,
    };

    public static ApplicationCommandOption Subcommand(string name, string description, params IReadOnlyList<ApplicationCommandOption> options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = options.Count == 0 ? null : options,
    };
}
