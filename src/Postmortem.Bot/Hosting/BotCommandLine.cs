namespace Postmortem.Bot.Hosting;

/// <summary>
/// The process arguments: the first one picks the mode (<c>discord</c>, the default, <c>console</c> or
/// <c>playground</c>) or an operator command with its file (<c>backup FILE</c>, <c>dump [FILE]</c>,
/// <c>restore FILE</c>, in <see cref="Operand"/>); the rest go to the host builder as configuration
/// (<c>--Storage:DatabasePath=...</c>, <c>--user NAME</c>, <c>--strict</c>, <c>--port N</c>, <c>--fresh</c>).
/// </summary>
public sealed record BotCommandLine(BotMode Mode, IReadOnlyList<string> HostArgs, string? Error = null, bool ShowUsage = false, string? Operand = null)
{
    public const string Usage =
        "Usage: Postmortem.Bot [discord | console [--user NAME] [--strict] | playground [--port N] [--fresh] "
        + "| backup FILE | dump [FILE] | restore FILE] [--Section:Key=value ...]";

    /// <summary>Whether the mode is an operator command on the store rather than a front end.</summary>
    public bool IsStorageCommand => Mode is BotMode.Backup or BotMode.Dump or BotMode.Restore;

    /// <summary>Switches the host's configuration understands besides <c>--Section:Key=value</c>.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--user"] = "Terminal:User",
        ["--strict"] = "Terminal:Strict",
        ["--port"] = "Playground:Port",
        ["--fresh"] = "Playground:Fresh",
    };

    // _flags that take no value; the configuration reader would otherwise swallow the next argument as their value.
    private static readonly string[] _flags = ["--strict", "--fresh"];

    public static BotCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return new BotCommandLine(BotMode.Discord, []);
        }

        var first = args[0];
        if (first is "help" or "--help" or "-h" or "-?")
        {
            return new BotCommandLine(BotMode.Discord, [], ShowUsage: true);
        }

        if (first.StartsWith('-'))
        {
            return new BotCommandLine(BotMode.Discord, Normalize(args));
        }

        BotMode? mode = first.ToUpperInvariant() switch
        {
            "DISCORD" => BotMode.Discord,
            "CONSOLE" => BotMode.Console,
            "PLAYGROUND" => BotMode.Playground,
            "BACKUP" => BotMode.Backup,
            "DUMP" => BotMode.Dump,
            "RESTORE" => BotMode.Restore,
            _ => null,
        };
        if (mode is BotMode.Backup or BotMode.Dump or BotMode.Restore)
        {
            var operand = args.Count > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
            if (operand is null && mode != BotMode.Dump)
            {
                return new BotCommandLine(BotMode.Discord, [], $"{first} needs a FILE. {Usage}");
            }

            return new BotCommandLine(mode.Value, Normalize(args.Skip(operand is null ? 1 : 2)), Operand: operand);
        }

        return mode is { } known
            ? new BotCommandLine(known, Normalize(args.Skip(1)))
            : new BotCommandLine(BotMode.Discord, [], $"Unknown mode \"{first}\". {Usage}");
    }

    private static string[] Normalize(IEnumerable<string> args) =>
        [.. args.Select(a => _flags.Contains(a, StringComparer.OrdinalIgnoreCase) ? a + "=true" : a)];
}
