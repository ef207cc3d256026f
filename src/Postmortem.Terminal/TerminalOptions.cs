namespace Postmortem.Terminal;

/// <summary>Settings of the "Terminal" section; on the command line <c>--user NAME</c> and <c>--strict</c>.</summary>
public sealed class TerminalOptions
{
    public const string SectionName = "Terminal";

    /// <summary>Who is typing (shown as author and facilitator); the operating system's user name when empty.</summary>
    public string? User { get; set; }

    /// <summary>Exit with code 1 at the end when any command failed (useful for scripts and CI).</summary>
    public bool Strict { get; set; }

    /// <summary>The folder relative <c>export</c> paths are written under; the current directory when empty.</summary>
    public string? ExportDirectory { get; set; }
}
