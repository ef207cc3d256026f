using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>An application command the bot registered (global when <see cref="GuildId"/> is null).</summary>
public sealed record RegisteredCommand(ulong Id, ulong? GuildId, string Name, int Type, JsonObject Definition)
{
    public string Description => Definition["description"].Str() ?? "";

    /// <summary>The option definitions at the top level (subcommands, groups or plain options).</summary>
    public IReadOnlyList<JsonObject> Options => [.. Definition["options"].Objects()];

    /// <summary>Subcommand paths such as "start" or "admin reset".</summary>
    public IReadOnlyList<string> SubcommandPaths =>
        [.. Options.SelectMany(o => o["type"].Int() switch
        {
            1 => [o["name"].Str() ?? ""],
            2 => o["options"].Objects().Select(s => $"{o["name"].Str()} {s["name"].Str()}"),
            _ => [],
        })];
}
