using Postmortem.Core.Timeline;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>The incident timeline: entries with a time and a kind, shown in the configured zone.</summary>
public static class TimelineVerbs
{
    public static readonly Verb View = new("timeline", "timeline", "Show the timeline and the derived durations.", ViewAsync);

    public static readonly Verb Add = new(
        "timeline add",
        "timeline add <time> <kind> <what happened>",
        $"Add an entry; kind is {TimelineKinds.Choices}; time is {TimeInput.Examples}.",
        AddAsync);

    public static readonly Verb Edit = new("timeline edit", "timeline edit <#n> <time> <kind> <what happened>", "Replace an entry.", EditAsync);

    public static readonly Verb Remove = new("timeline remove", "timeline remove <#n>", "Remove an entry.", RemoveAsync);

    public static IReadOnlyList<Verb> All { get; } = [View, Add, Edit, Remove];

    private static async Task<bool> ViewAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count > 0)
        {
            return session.Fail($"Unknown timeline command \"{arguments[0]}\"; use timeline, timeline add, timeline edit or timeline remove.");
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        TimelineView.Write(session.Out, postmortem, session.Time);
        return true;
    }

    private static async Task<bool> AddAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (!TryParseEntry(session, arguments, 0, Add, out var at, out var kind, out var text))
        {
            return false;
        }

        return await session.ApplyAsync(new AddTimelineEntry(at, text, kind), cancellationToken) is { } outcome
            && session.Done(outcome, $"Added timeline entry #{outcome.Result.CreatedId}: {session.Time.FormatWithZone(at)}, {TimelineKinds.Name(kind)}.", text);
    }

    private static async Task<bool> EditAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return session.Usage(Edit);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindTimelineEntry(postmortem, arguments[0], out var entry) is { } error)
        {
            return session.Fail(error);
        }

        if (!TryParseEntry(session, arguments, 1, Edit, out var at, out var kind, out var text))
        {
            return false;
        }

        return await session.ApplyAsync(new EditTimelineEntry(entry.Id, at, text, kind, entry.Revision), cancellationToken) is { } outcome
            && session.Done(outcome, $"Changed timeline entry #{entry.Id}.", text);
    }

    private static async Task<bool> RemoveAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            return session.Usage(Remove);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindTimelineEntry(postmortem, arguments[0], out var entry) is { } error)
        {
            return session.Fail(error);
        }

        return await session.ApplyAsync(new RemoveTimelineEntry(entry.Id), cancellationToken) is { } outcome
            && session.Done(outcome, $"Removed timeline entry #{entry.Id}.");
    }

    private static bool TryParseEntry(
        TerminalSession session,
        VerbArguments arguments,
        int index,
        Verb verb,
        out DateTimeOffset at,
        out TimelineEntryKind kind,
        out string text)
    {
        kind = TimelineEntryKind.Note;
        text = "";
        if (!TimeInput.TryParse(arguments, index, session.Time.Zone, out at, out var consumed, out var error))
        {
            return session.Fail(error!);
        }

        index += consumed;
        if (index >= arguments.Count)
        {
            return session.Fail($"The kind and the text are missing. Usage: {verb.Usage}");
        }

        if (!TimelineKinds.TryParse(arguments[index], out kind))
        {
            return session.Fail($"\"{arguments[index]}\" is not a kind of timeline entry; use {TimelineKinds.Choices}.");
        }

        text = arguments.TextFrom(index + 1);
        return text.Length > 0 || session.Fail($"Say what happened. Usage: {verb.Usage}");
    }
}
