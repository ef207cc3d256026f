using System.Globalization;
using Postmortem.Core.References;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>The issues, pull requests and announcements the postmortem cites (its References section).</summary>
public static class ReferenceVerbs
{
    public static readonly Verb View = new("references", "references", "Show the references.", ViewAsync);

    public static readonly Verb Add = new(
        "reference add", "reference add <http(s) link> <title>", "Cite an issue, a pull request or an announcement.", AddAsync);

    public static readonly Verb Edit = new(
        "reference edit", "reference edit <#n> <http(s) link> <title>", "Change a reference's link and title.", EditAsync);

    public static readonly Verb Remove = new("reference remove", "reference remove <#n>", "Remove a reference.", RemoveAsync);

    public static IReadOnlyList<Verb> All { get; } = [View, Add, Edit, Remove];

    private static async Task<bool> ViewAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        ReferencesView.Write(session.Out, postmortem);
        return true;
    }

    private static async Task<bool> AddAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var title = arguments.TextFrom(1);
        if (title.Length == 0)
        {
            return session.Usage(Add);
        }

        return await session.ApplyAsync(new AddReference(arguments[0], title), cancellationToken) is { } outcome
            && session.Done(outcome, $"Added reference #{Number(outcome.Result.CreatedId!.Value)}.", title);
    }

    private static async Task<bool> EditAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var title = arguments.TextFrom(2);
        if (title.Length == 0 || !TryNumber(arguments[0], out var id))
        {
            return session.Usage(Edit);
        }

        return await session.ApplyAsync(new EditReference(id, arguments[1], title), cancellationToken) is { } outcome
            && session.Done(outcome, $"Changed reference #{Number(id)}.", title);
    }

    private static async Task<bool> RemoveAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1 || !TryNumber(arguments[0], out var id))
        {
            return session.Usage(Remove);
        }

        return await session.ApplyAsync(new RemoveReference(id), cancellationToken) is { } outcome
            && session.Done(outcome, $"Removed reference #{Number(id)}.");
    }

    private static bool TryNumber(string text, out int id) =>
        int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string Number(int id) => id.ToString(CultureInfo.InvariantCulture);
}
