using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>The postmortem's own fields and its status (draft, in review, final).</summary>
public static class DocumentVerbs
{
    public static readonly Verb Title = new("title", "title <new title>", "Rename the postmortem.", TitleAsync);

    public static readonly Verb Severity = new("severity", "severity <text | none>", "Set or clear the severity.", SeverityAsync);

    public static readonly Verb Started = new("started", "started <time | none>", "Set or clear when the incident started.", StartedAsync);

    public static readonly Verb Submit = new("submit", "submit", "Submit the draft for review.", (s, _, ct) => ApplyAsync(s, new SubmitForReview(), "Submitted for review.", ct));

    public static readonly Verb FinalizeVerb = new(
        "finalize",
        "finalize [--force]",
        "Make the postmortem final and read-only (facilitator only); with open findings it lists them and needs --force.",
        FinalizeAsync)
    {
        Options = [OptionSpec.Flag("--force")],
    };

    public static readonly Verb Reopen = new(
        "reopen", "reopen", "Turn a postmortem in review or final back into a draft (facilitator only).",
        (s, _, ct) => ApplyAsync(s, new Core.Postmortems.Reopen(), "The postmortem is a draft again.", ct));

    public static IReadOnlyList<Verb> All { get; } = [Title, Severity, Started, Submit, FinalizeVerb, Reopen];

    private static Task<bool> TitleAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var title = arguments.TextFrom(0);
        return title.Length == 0
            ? Task.FromResult(session.Usage(Title))
            : ApplyAsync(session, new SetTitle(title), "Renamed.", cancellationToken);
    }

    private static Task<bool> SeverityAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var severity = arguments.TextFrom(0);
        if (severity.Length == 0)
        {
            return Task.FromResult(session.Usage(Severity));
        }

        var cleared = string.Equals(severity, "none", StringComparison.OrdinalIgnoreCase);
        return ApplyAsync(session, new SetSeverity(cleared ? null : severity), cleared ? "Severity cleared." : $"Severity set to {severity}.", cancellationToken);
    }

    private static Task<bool> StartedAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return Task.FromResult(session.Usage(Started));
        }

        if (arguments.Count == 1 && string.Equals(arguments[0], "none", StringComparison.OrdinalIgnoreCase))
        {
            return ApplyAsync(session, new SetIncidentStart(null), "Incident start cleared.", cancellationToken);
        }

        if (!TimeInput.TryParse(arguments, 0, session.Time.Zone, out var at, out var consumed, out var error))
        {
            return Task.FromResult(session.Fail(error!));
        }

        return consumed != arguments.Count
            ? Task.FromResult(session.Usage(Started))
            : ApplyAsync(session, new SetIncidentStart(at), $"Incident start set to {session.Time.FormatWithZone(at)}.", cancellationToken);
    }

    // Finalizing with open findings is allowed, but only knowingly: they are listed, and stay in the export as known gaps.
    private static async Task<bool> FinalizeAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (postmortem.Status == PostmortemStatus.Final)
        {
            return session.Fail("The postmortem is already final.");
        }

        if (!postmortem.IsFacilitator(session.Actor))
        {
            return session.Fail(Core.Commands.UserError.FacilitatorOnly("finalize the postmortem").Message);
        }

        var findings = Linter.Lint(postmortem, session.TemplateFor(postmortem), session.LintOptions);
        if (findings.Count > 0 && !arguments.Has("--force"))
        {
            FindingsView.Write(session.Out, findings);
            return session.Fail(
                $"{Count(findings.Count)} {(findings.Count == 1 ? "is" : "are")} still open; nothing changed. Settle them, or finalize anyway with: finalize --force "
                + "(the export then lists them as known gaps).");
        }

        if (await session.ApplyAsync(new Core.Postmortems.Finalize(), cancellationToken) is not { } outcome)
        {
            return false;
        }

        var notes = findings.Count == 0 ? [] : new[] { $"{Count(findings.Count)} {(findings.Count == 1 ? "stays" : "stay")} in the export as known gaps." };
        return session.Done(outcome, "The postmortem is final and read-only now.", notes: notes);
    }

    private static string Count(int findings) =>
        findings == 1 ? "1 finding" : $"{findings.ToString(System.Globalization.CultureInfo.InvariantCulture)} findings";

    private static async Task<bool> ApplyAsync(TerminalSession session, Core.Commands.PostmortemCommand command, string message, CancellationToken cancellationToken) =>
        await session.ApplyAsync(command, cancellationToken) is { } outcome && session.Done(outcome, message);
}
