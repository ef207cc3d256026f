using Postmortem.Terminal.Input;

namespace Postmortem.Terminal.Verbs;

public delegate Task<bool> VerbHandler(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken);

/// <summary>
/// One command of the terminal language. <c>Name</c> is one or two words ("lint", "why ask"); the handler returns
/// false when the command failed (the session then counts it and nothing was changed).
/// </summary>
public sealed record Verb(string Name, string Usage, string Summary, VerbHandler Handle)
{
    public IReadOnlyList<OptionSpec> Options { get; init; } = [];

    /// <summary>
    /// True when these arguments mean a text block follows the command line. The session skips the block when
    /// the command fails before reading it, so its lines are never mistaken for commands.
    /// </summary>
    public Func<VerbArguments, bool>? TakesBlock { get; init; }
}
