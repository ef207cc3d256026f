namespace Postmortem.Bot.Hosting;

/// <summary>
/// The process arguments: the first one picks the mode (<c>discord</c>, the default, <c>console</c> or
/// <c>playground</c>); the rest go to the host builder as configuration (<c>--Storage:DatabasePath=...</c>,
/// <c>--user NAME</c>, <c>--strict</c>, <c>--port N</c>, <c>--fresh</c>).
/// </summary>
public sealed record BotCommandLine(BotMode Mode, IReadOnlyList<string> HostArgs, string? Error = null, bool ShowUsage = false)
{
    public const string Usage =
        "Usage: Postmortem.Bot [discord | console [--user NAME] [--strict] | playground [--port N] [--fresh]] [--Section:Key=value ...]";

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
            _ => null,
        };
        return mode is { } known
            ? new BotCommandLine(known, Normalize(args.Skip(1)))
            : new BotCommandLine(BotMode.Discord, [], $"Unknown mode \"{first}\". {Usage}");
    }

    private static string[] Normalize(IEnumerable<string> args) =>
        [.. args.Select(a => _flags.Contains(a, StringComparer.OrdinalIgnoreCase) ? a + "=true" : a)];
}
