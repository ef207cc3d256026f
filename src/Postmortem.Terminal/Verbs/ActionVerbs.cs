using Postmortem.Core.Actions;
using Postmortem.Core.Blameless;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>
/// Lessons learned (5) -> long-term corrective actions (5a) -> short-term action items (5a-i) with an owner and
/// a due date.
/// </summary>
public static class ActionVerbs
{
    private static readonly OptionSpec[] _itemOptions = [new("--owner"), new("--due")];

    public static readonly Verb View = new("actions", "actions", "Show lessons, corrective actions and action items.", ViewAsync);

    public static readonly Verb AddLessonVerb = new(
        "lesson add",
        "lesson add <what we learned> [--from <root-cause answers, e.g. 1.2a,2b>]",
        "Add a lesson learned that reflects root causes.",
        AddLessonAsync)
    {
        Options = [new("--from")],
    };

    public static readonly Verb EditLessonVerb = new(
        "lesson edit", "lesson edit <n> <new text> [--from <answers>]", "Reword a lesson (and relink it with --from).", EditLessonAsync)
    {
        Options = [new("--from")],
    };

    public static readonly Verb RetractLessonVerb = new(
        "lesson retract", "lesson retract <n>", "Remove a lesson and what hangs below it; numbers are never reused.", RetractLessonAsync);

    public static readonly Verb AddCorrective = new(
        "action add-corrective", "action add-corrective <lesson, e.g. 5> <long-term change>", "Add a corrective action to a lesson.", AddCorrectiveAsync);

    public static readonly Verb AddItem = new(
        "action add-item",
        "action add-item <corrective action, e.g. 5a> <short-term step> --owner <name> --due <YYYY-MM-DD>",
        "Add an action item (due within 90 days, ideally much less).",
        AddItemAsync)
    {
        Options = _itemOptions,
    };

    public static readonly Verb EditItem = new(
        "action edit",
        "action edit <5a or 5a-i> <new text> [--owner <name | none>] [--due <YYYY-MM-DD | none>]",
        "Reword a corrective action, or change an action item.",
        EditAsync)
    {
        Options = _itemOptions,
    };

    public static readonly Verb Done = new("action done", "action done <5a-i> [<evidence, e.g. a link>]", "Mark an action item done.", DoneAsync);

    public static readonly Verb Drop = new("action drop", "action drop <5a-i> <reason>", "Drop an action item, saying why.", DropAsync);

    public static readonly Verb ReopenItem = new("action reopen", "action reopen <5a-i>", "Reopen a done or dropped action item.", ReopenAsync);

    public static readonly Verb Retract = new(
        "action retract", "action retract <5a or 5a-i>", "Remove a corrective action or an action item; numbers are never reused.", RetractAsync);

    public static IReadOnlyList<Verb> All { get; } =
        [View, AddLessonVerb, EditLessonVerb, RetractLessonVerb, AddCorrective, AddItem, EditItem, Done, Drop, ReopenItem, Retract];

    private static async Task<bool> ViewAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        ActionsView.Write(session.Out, postmortem, "Lessons Learned, Corrective Actions, Action Items");
        return true;
    }

    private static async Task<bool> AddLessonAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var text = arguments.TextFrom(0);
        if (text.Length == 0)
        {
            return session.Usage(AddLessonVerb);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem
            || !TryRootCauses(session, postmortem, arguments.Option("--from"), out var rootCauses))
        {
            return false;
        }

        return await session.ApplyAsync(new AddLesson(text, rootCauses ?? []), cancellationToken) is { } outcome
            && session.Done(outcome, $"Added lesson {outcome.Postmortem!.FindLesson(outcome.Result.CreatedId!.Value)!.Label}.", text);
    }

    private static async Task<bool> EditLessonAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var text = arguments.TextFrom(1);
        if (text.Length == 0)
        {
            return session.Usage(EditLessonVerb);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem
            || !TryRootCauses(session, postmortem, arguments.Option("--from"), out var rootCauses))
        {
            return false;
        }

        if (PathNumbers.FindLesson(postmortem, arguments[0], out var lesson) is { } error)
        {
            return session.Fail(error);
        }

        return await session.ApplyAsync(new EditLesson(lesson.Id, text, rootCauses, lesson.Revision), cancellationToken) is { } outcome
            && session.Done(outcome, $"Changed lesson {lesson.Label}.", text);
    }

    private static async Task<bool> RetractLessonAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            return session.Usage(RetractLessonVerb);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        return PathNumbers.FindLesson(postmortem, arguments[0], out var lesson) is { } error
            ? session.Fail(error)
            : await session.ApplyAsync(new RetractLesson(lesson.Id), cancellationToken) is { } outcome
                && session.Done(outcome, $"Removed lesson {lesson.Label}.");
    }

    private static async Task<bool> AddCorrectiveAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var text = arguments.TextFrom(1);
        if (text.Length == 0)
        {
            return session.Usage(AddCorrective);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindLesson(postmortem, arguments[0], out var lesson) is { } error)
        {
            return session.Fail(error);
        }

        return await session.ApplyAsync(new AddCorrectiveAction(lesson.Id, text), cancellationToken) is { } outcome
            && session.Done(outcome, $"Added corrective action {outcome.Postmortem!.FindCorrectiveAction(outcome.Result.CreatedId!.Value)!.Label}.", text, place: BlamelessPlace.ActionItem);
    }

    private static async Task<bool> AddItemAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var text = arguments.TextFrom(1);
        if (text.Length == 0)
        {
            return session.Usage(AddItem);
        }

        if (!TryOwner(session, arguments, current: null, out var owner) || !TryDue(session, arguments, current: null, out var due))
        {
            return false;
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindCorrectiveAction(postmortem, arguments[0], out var action) is { } error)
        {
            return session.Fail(error);
        }

        if (await session.ApplyAsync(new AddActionItem(action.Id, text, owner, due), cancellationToken) is not { } outcome)
        {
            return false;
        }

        var item = outcome.Postmortem!.FindActionItem(outcome.Result.CreatedId!.Value)!;
        var notes = new List<string>(2);
        if (owner is null)
        {
            notes.Add($"Someone must own each action item: action edit {item.Label} \"{item.Text}\" --owner <name>");
        }

        if (due is null)
        {
            notes.Add($"Action items need a deadline: action edit {item.Label} \"{item.Text}\" --due <YYYY-MM-DD>");
        }

        return session.Done(outcome, $"Added action item {item.Label} ({ActionsView.Describe(item)}).", text, notes, DueWarnings(session, outcome.Postmortem!, item.Label, due), BlamelessPlace.ActionItem);
    }

    private static async Task<bool> EditAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var text = arguments.TextFrom(1);
        if (text.Length == 0)
        {
            return session.Usage(EditItem);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindActionItem(postmortem, arguments[0], out var item) is null)
        {
            if (!TryOwner(session, arguments, item.Owner, out var owner) || !TryDue(session, arguments, item.Due, out var due))
            {
                return false;
            }

            var warnings = due == item.Due ? [] : DueWarnings(session, postmortem, item.Label, due);
            return await session.ApplyAsync(new EditActionItem(item.Id, text, owner, due, item.Revision), cancellationToken) is { } edited
                && session.Done(edited, $"Changed action item {item.Label}.", text, warnings: warnings, place: BlamelessPlace.ActionItem);
        }

        if (arguments.Has("--owner") || arguments.Has("--due"))
        {
            return session.Fail("Only action items (like 5a-i) have an owner and a due date.");
        }

        return PathNumbers.FindCorrectiveAction(postmortem, arguments[0], out var action) is { } error
            ? session.Fail(error)
            : await session.ApplyAsync(new EditCorrectiveAction(action.Id, text, action.Revision), cancellationToken) is { } outcome
                && session.Done(outcome, $"Reworded corrective action {action.Label}.", text, place: BlamelessPlace.ActionItem);
    }

    private static Task<bool> DoneAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var evidence = arguments.TextFrom(1);
        return OnItemAsync(session, arguments, Done, item => new CompleteActionItem(item.Id, evidence.Length == 0 ? null : evidence),
            item => $"Action item {item.Label} is done.", cancellationToken);
    }

    private static Task<bool> DropAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var reason = arguments.TextFrom(1);
        return reason.Length == 0
            ? Task.FromResult(session.Usage(Drop))
            : OnItemAsync(session, arguments, Drop, item => new DropActionItem(item.Id, reason), item => $"Dropped action item {item.Label}.", cancellationToken);
    }

    private static Task<bool> ReopenAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken) =>
        arguments.Count != 1
            ? Task.FromResult(session.Usage(ReopenItem))
            : OnItemAsync(session, arguments, ReopenItem, item => new ReopenActionItem(item.Id), item => $"Action item {item.Label} is open again.", cancellationToken);

    private static async Task<bool> RetractAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            return session.Usage(Retract);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindActionItem(postmortem, arguments[0], out var item) is null)
        {
            return await session.ApplyAsync(new RetractActionItem(item.Id), cancellationToken) is { } removed
                && session.Done(removed, $"Removed action item {item.Label}.");
        }

        return PathNumbers.FindCorrectiveAction(postmortem, arguments[0], out var action) is { } error
            ? session.Fail(error)
            : await session.ApplyAsync(new RetractCorrectiveAction(action.Id), cancellationToken) is { } outcome
                && session.Done(outcome, $"Removed corrective action {action.Label}.");
    }

    private static async Task<bool> OnItemAsync(
        TerminalSession session,
        VerbArguments arguments,
        Verb verb,
        Func<ActionItem, Core.Commands.PostmortemCommand> command,
        Func<ActionItem, string> message,
        CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return session.Usage(verb);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        return PathNumbers.FindActionItem(postmortem, arguments[0], out var item) is { } error
            ? session.Fail(error)
            : await session.ApplyAsync(command(item), cancellationToken) is { } outcome && session.Done(outcome, message(item));
    }

    // The template wants action items short term; a later date is kept, but said so when it is typed, not only by lint.
    private static IReadOnlyList<string> DueWarnings(TerminalSession session, Core.Postmortem postmortem, string label, DateOnly? due) =>
        ActionItemHorizon.Warning(postmortem, label, due, session.LintOptions) is { } warning ? [warning] : [];

    private static bool TryRootCauses(TerminalSession session, Core.Postmortem postmortem, string? labels, out IReadOnlyList<int>? ids)
    {
        ids = null;
        if (labels is null)
        {
            return true;
        }

        var found = new List<int>();
        foreach (var label in labels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (PathNumbers.FindAnswer(postmortem, label, out var answer) is { } error)
            {
                return session.Fail(error);
            }

            found.Add(answer.Id);
        }

        ids = found;
        return true;
    }

    private static bool TryOwner(TerminalSession session, VerbArguments arguments, UserRef? current, out UserRef? owner)
    {
        owner = current;
        if (arguments.Option("--owner") is not { } name)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return session.Fail("The --owner option needs a name (or none).");
        }

        owner = string.Equals(name, "none", StringComparison.OrdinalIgnoreCase) ? null : TerminalSession.Person(name.Trim());
        return true;
    }

    private static bool TryDue(TerminalSession session, VerbArguments arguments, DateOnly? current, out DateOnly? due)
    {
        due = current;
        if (arguments.Option("--due") is not { } text)
        {
            return true;
        }

        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            due = null;
            return true;
        }

        if (!TimeInput.TryParseDate(text, out var date, out var error))
        {
            return session.Fail(error!);
        }

        due = date;
        return true;
    }
}
