namespace Postmortem.Playground;

/// <summary>How the playground runs: <c>playground [--port N] [--fresh]</c>.</summary>
public sealed record PlaygroundOptions
{
    /// <summary>The page's port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 5170;

    /// <summary>Start over: delete the playground's database (and its journal files) first.</summary>
    public bool Fresh { get; init; }

    /// <summary>Where the playground keeps its database (its own, never the bot's).</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>~/.local/share/postmortem-bot/playground on Linux, %LOCALAPPDATA%\postmortem-bot\playground on Windows.</summary>
    public static string DefaultDataDirectory { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "postmortem-bot",
        "playground");

    public string DatabasePath => Path.Combine(DataDirectory, "postmortems.litedb");
}
