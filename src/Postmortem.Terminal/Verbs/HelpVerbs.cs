using Postmortem.Terminal.Input;

namespace Postmortem.Terminal.Verbs;

public static class HelpVerbs
{
    public static readonly Verb Help = new("help", "help [<command>]", "Show the commands, or the ones starting with a word.", HelpAsync);

    public static readonly Verb Quit = new("quit", "quit", "Leave (so does the end of the input; exit works too).", QuitAsync);

    public static readonly Verb Exit = Quit with { Name = "exit" };

    public static IReadOnlyList<Verb> All { get; } = [Help, Quit];

    private static Task<bool> HelpAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var topic = arguments.TextFrom(0).ToLowerInvariant();
        var groups = VerbTable.Groups
            .Select(g => (g.Title, Verbs: g.Verbs.Where(v => topic.Length == 0 || v.Name.StartsWith(topic, StringComparison.Ordinal)).ToList()))
            .Where(g => g.Verbs.Count > 0)
            .ToList();
        if (groups.Count == 0)
        {
            return Task.FromResult(session.Fail($"No command starts with \"{topic}\"; type help to see them all."));
        }

        foreach (var (title, verbs) in groups)
        {
            session.Out.Heading(title);
            foreach (var verb in verbs)
            {
                session.Out.Line($"  {verb.Usage}");
                session.Out.Faint($"      {verb.Summary}");
            }
        }

        if (topic.Length == 0)
        {
            session.Out.Line();
            session.Out.Line($"Times: {TimeInput.Examples}. Text blocks end with a line holding only \".\" (\"..\" for a literal dot).");
            session.Out.Line("Quote words that contain spaces (\"like this\"); lines starting with # are comments.");
        }

        return Task.FromResult(true);
    }

    private static Task<bool> QuitAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        session.QuitRequested = true;
        return Task.FromResult(true);
    }
}
