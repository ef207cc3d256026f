using System.Globalization;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>Starting, finding, opening and looking at postmortems.</summary>
public static class SessionVerbs
{
    public static readonly Verb New = new(
        "new",
        "new <title> [--severity <text>] [--started <time>]",
        "Start a postmortem (you become its facilitator) and open it.",
        NewAsync)
    {
        Options = [new("--severity"), new("--started")],
    };

    public static readonly Verb List = new("list", "list [<words in the title>]", "List postmortems, most recently updated first.", ListAsync);

    public static readonly Verb Open = new("open", "open <id>", "Open a postmortem to continue working on it.", OpenAsync);

    public static readonly Verb Show = new(
        "show",
        "show [<section>]",
        "Show the overview, or one section (summary, incident-response, timeline, five-whys...).",
        ShowAsync);

    public static readonly Verb Next = new("next", "next", "Show the facilitator's next question.", NextAsync);

    public static IReadOnlyList<Verb> All { get; } = [New, List, Open, Show, Next];

    private static async Task<bool> NewAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var title = arguments.TextFrom(0);
        if (title.Length == 0)
        {
            return session.Usage(New);
        }

        DateTimeOffset? started = null;
        if (arguments.Option("--started") is { } startedText)
        {
            if (!TimeInput.TryParse(startedText, session.Time.Zone, out var at, out var error))
            {
                return session.Fail(error!);
            }

            started = at;
        }

        var outcome = await session.Service.StartAsync(
            TerminalSession.GuildId,
            TerminalSession.ChannelId,
            title,
            session.Actor,
            arguments.Option("--severity"),
            started,
            cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } postmortem })
        {
            return session.Fail(outcome.Result.Message ?? "The postmortem could not be started.");
        }

        session.Open(postmortem);
        return session.Done(outcome, $"Started postmortem #{postmortem.Id} \"{postmortem.Title}\"; you are its facilitator.");
    }

    private static async Task<bool> ListAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var search = arguments.TextFrom(0);
        var postmortems = await session.Repository.ListAsync(
            TerminalSession.GuildId, search.Length == 0 ? null : search, limit: 50, cancellationToken);
        if (postmortems.Count == 0)
        {
            session.Out.Line(search.Length == 0 ? "No postmortems yet. Start one with: new <title>" : $"No postmortem title contains \"{search}\".");
            return true;
        }

        session.Out.Heading($"Postmortems (updated, in {session.Time.Zone.Id})");
        foreach (var summary in postmortems)
        {
            var current = summary.Id == session.CurrentId ? "*" : " ";
            session.Out.Line($" {current}#{summary.Id,-4} {summary.Status,-8}  {session.Time.Format(summary.UpdatedAt)}  {summary.Title}");
        }

        return true;
    }

    private static async Task<bool> OpenAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            return session.Usage(Open);
        }

        if (!PostmortemId.TryParse(arguments[0].TrimStart('#'), out var id))
        {
            return session.Fail($"\"{arguments[0]}\" is not a postmortem id; ids are numbers (type list to see them).");
        }

        var postmortem = await session.Service.GetAsync(id, cancellationToken);
        if (postmortem is null || postmortem.EnsureGuild(TerminalSession.GuildId) is not null)
        {
            return session.Fail($"Postmortem #{id.Value.ToString(CultureInfo.InvariantCulture)} does not exist here (type list to see them).");
        }

        session.Open(postmortem);
        OverviewView.Write(session.Out, postmortem, session.TemplateFor(postmortem), session.Time);
        session.ShowNext(postmortem);
        return true;
    }

    private static async Task<bool> ShowAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        var template = session.TemplateFor(postmortem);
        if (arguments.Count == 0)
        {
            OverviewView.Write(session.Out, postmortem, template, session.Time);
            return true;
        }

        if (!SectionKeys.TryFind(template, arguments.TextFrom(0), out var section, out var question))
        {
            return session.Fail(SectionKeys.Unknown(template, arguments.TextFrom(0)));
        }

        if (question is not null)
        {
            SectionView.WriteQuestion(session.Out, postmortem, question, session.Time);
            return true;
        }

        switch (section!.Kind)
        {
            case SectionKind.Text:
                SectionView.WriteText(session.Out, postmortem, section, session.Time);
                break;
            case SectionKind.Questions:
                SectionView.WriteQuestions(session.Out, postmortem, section, session.Time);
                break;
            case SectionKind.Metrics:
                MetricsView.Write(session.Out, postmortem, section.Title);
                break;
            case SectionKind.Timeline:
                TimelineView.Write(session.Out, postmortem, session.Time);
                break;
            case SectionKind.Whys:
                WhysView.Write(session.Out, postmortem, section.Title);
                break;
            case SectionKind.Actions:
                ActionsView.Write(session.Out, postmortem, section.Title);
                break;
            default:
                throw new InvalidOperationException($"Unknown section kind {section.Kind}.");
        }

        return true;
    }

    private static async Task<bool> NextAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        session.ShowNext(postmortem);
        return true;
    }
}
