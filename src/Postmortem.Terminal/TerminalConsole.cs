namespace Postmortem.Terminal;

/// <summary>
/// Where the terminal front end reads and writes. <c>IsInteractive</c>: a person types (show a prompt);
/// <c>UseAnsi</c>: the output is a real terminal (styles allowed).
/// </summary>
public sealed record TerminalConsole(TextReader Input, TextWriter Output, bool IsInteractive, bool UseAnsi)
{
    public static TerminalConsole FromSystemConsole() => new(
        Console.In,
        Console.Out,
        IsInteractive: !Console.IsInputRedirected,
        UseAnsi: !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
}
