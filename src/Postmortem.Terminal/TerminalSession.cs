using System.Globalization;
using Postmortem.Core.Application;
using Postmortem.Core.Blameless;
using Postmortem.Core.Commands;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Linting;
using Postmortem.Core.Pictures;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;
using Postmortem.Terminal.Verbs;

namespace Postmortem.Terminal;

/// <summary>
/// One terminal conversation: reads commands line by line, runs them through the same
/// <see cref="PostmortemService"/> the Discord bot uses, and after every change shows the facilitator's next
/// question. Bad input gets a clear message and changes nothing; the session goes on.
/// </summary>
public sealed class TerminalSession(
    PostmortemService service,
    IPostmortemRepository repository,
    TerminalWriter output,
    InputReader input,
    UserRef actor,
    TimeDisplay time,
    LintOptions lintOptions,
    bool interactive,
    string? exportDirectory = null,
    IPostmortemPictures? pictures = null)
{
    private bool _blockPending;

    /// <summary>The guild id of postmortems started in the terminal (the Discord bot never shows them).</summary>
    public const string GuildId = "terminal";

    public const string ChannelId = "local";

    public PostmortemService Service => service;

    /// <summary>For listing; every change goes through <see cref="Service"/>.</summary>
    public IPostmortemRepository Repository => repository;

    public TerminalWriter Out => output;

    public InputReader In => input;

    public UserRef Actor => actor;

    public TimeDisplay Time => time;

    public LintOptions LintOptions => lintOptions;

    public bool IsInteractive => interactive;

    /// <summary>Where relative export paths are written (the current directory when not set).</summary>
    public string ExportDirectory => string.IsNullOrWhiteSpace(exportDirectory) ? Directory.GetCurrentDirectory() : exportDirectory;

    /// <summary>Draws the export's pictures; null when the host has none (the export is then text only).</summary>
    public IPostmortemPictures? Pictures => pictures;

    /// <summary>The postmortem the commands apply to, once one was started or opened.</summary>
    public PostmortemId? CurrentId { get; private set; }

    /// <summary>How many commands failed so far.</summary>
    public int Failures { get; private set; }

    public bool QuitRequested { get; set; }

    /// <summary>A person named in a command (an owner); the terminal has no other identity for them than the name.</summary>
    public static UserRef Person(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new UserRef("terminal:" + name, name);
    }

    /// <summary>Runs commands until the input ends or <c>quit</c>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (interactive)
        {
            output.Line("Postmortem Bot - terminal. Type help for the commands, list to see postmortems, quit to leave.");
        }

        while (!QuitRequested)
        {
            if (interactive)
            {
                output.Prompt(PromptText());
            }

            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!interactive)
            {
                // Echo piped commands so the output reads as a transcript.
                output.Line(PromptText() + line);
            }

            if (!await RunCommandAsync(line, cancellationToken))
            {
                Failures++;
            }
        }
    }

    /// <summary>Runs one command line; false when it failed.</summary>
    public async Task<bool> RunCommandAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!Tokenizer.TryTokenize(line, out var tokens, out var tokenError))
        {
            return Fail(tokenError!);
        }

        if (tokens.Count == 0)
        {
            return true;
        }

        var (verb, consumed) = VerbTable.Find(tokens);
        if (verb is null)
        {
            return Fail(VerbTable.UnknownMessage(tokens));
        }

        if (!VerbArguments.TryParse(line, tokens, consumed, verb.Options, out var arguments, out var argumentError))
        {
            return Fail($"{argumentError} Usage: {verb.Usage}");
        }

        _blockPending = !interactive && (verb.TakesBlock?.Invoke(arguments) ?? false);
        bool succeeded;
        try
        {
            succeeded = await verb.Handle(this, arguments, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            succeeded = Fail("Others kept saving this postmortem at the same moment; nothing was changed. Please try again.");
        }

        if (_blockPending)
        {
            _blockPending = false;
            await input.ReadBlockAsync(cancellationToken);
            output.Remark("note", "The text block that followed this command was skipped.");
        }

        return succeeded;
    }

    /// <summary>Prints the message as an error and returns false, so handlers can <c>return session.Fail(...)</c>.</summary>
    public bool Fail(string message)
    {
        output.Error(message);
        return false;
    }

    public bool Usage(Verb verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        return Fail($"Usage: {verb.Usage}");
    }

    public void Open(Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        CurrentId = postmortem.Id;
    }

    public PostmortemTemplate TemplateFor(Core.Postmortem postmortem) => service.TemplateFor(postmortem);

    /// <summary>Loads the open postmortem; prints why not and returns null when there is none.</summary>
    public async Task<Core.Postmortem?> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        if (CurrentId is not { } id)
        {
            Fail("No postmortem is open. Start one with: new <title>, or resume one with: list, then open <id>.");
            return null;
        }

        var postmortem = await service.GetAsync(id, cancellationToken);
        if (postmortem is null)
        {
            Fail($"Postmortem #{id} no longer exists.");
        }

        return postmortem;
    }

    /// <summary>
    /// Applies a command to the open postmortem. Returns the outcome when it succeeded; otherwise prints the
    /// rejection (nothing changed) or the conflict (both texts kept) and returns null.
    /// </summary>
    public async Task<CommandOutcome?> ApplyAsync(PostmortemCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (CurrentId is not { } id)
        {
            Fail("No postmortem is open. Start one with: new <title>, or resume one with: list, then open <id>.");
            return null;
        }

        var outcome = await service.ExecuteAsync(id, command, actor, cancellationToken);
        switch (outcome.Result.Status)
        {
            case CommandStatus.Succeeded:
                return outcome;
            case CommandStatus.Conflict:
                WriteConflict(outcome.Result.Conflict!);
                return null;
            default:
                Fail(outcome.Result.Message ?? "The command was rejected; nothing changed.");
                return null;
        }
    }

    /// <summary>
    /// Reports a success: the message, warnings (allowed but against the template's advice), notes, blameless nudges
    /// for the written text, then the next question.
    /// </summary>
    public bool Done(
        CommandOutcome outcome,
        string message,
        string? writtenText = null,
        IEnumerable<string>? notes = null,
        IEnumerable<string>? warnings = null,
        BlamelessPlace place = BlamelessPlace.Narrative)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        output.Ok(message);
        foreach (var warning in warnings ?? [])
        {
            output.Remark("warning", warning);
        }

        foreach (var note in notes ?? [])
        {
            output.Remark("note", note);
        }

        Nudge(writtenText, outcome.Postmortem, place);
        if (outcome is { Postmortem: { } postmortem, Next: { } next })
        {
            PromptView.Write(output, postmortem, next);
        }

        return true;
    }

    public void ShowNext(Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        PromptView.Write(output, postmortem, Facilitator.NextPrompt(postmortem, TemplateFor(postmortem)));
    }

    /// <summary>
    /// The text of a command: what followed on the line, or else a block of lines ending with a single ".".
    /// Null (after a message) when the input ended before the block was closed.
    /// </summary>
    public async Task<string?> ReadTextAsync(string inline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inline);
        if (inline.Length > 0)
        {
            return inline;
        }

        if (interactive)
        {
            output.Faint("  (type the text; finish with a line holding only \".\")");
        }

        _blockPending = false;
        var block = await input.ReadBlockAsync(cancellationToken);
        if (block is null)
        {
            Fail("The input ended before the line with a single \".\" that closes the text; nothing was saved.");
        }

        return block;
    }

    /// <summary>
    /// Blameless nudges for text someone just wrote; the text is saved either way. The terminal's users (this
    /// session's user and everyone the postmortem knows) are names whatever case they are written in.
    /// </summary>
    public void Nudge(string? text, Core.Postmortem? postmortem = null, BlamelessPlace place = BlamelessPlace.Narrative)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var names = postmortem is null ? new KnownNames([actor.DisplayName]) : KnownNames.Of(postmortem, [actor.DisplayName]);
        foreach (var group in BlamelessCheck.Check(text, names, place).GroupBy(f => f.Suggestion, StringComparer.Ordinal))
        {
            var quoted = string.Join(", ", group.Select(f => $"\"{f.Matched}\"").Distinct(StringComparer.Ordinal));
            output.Remark("nudge", $"{quoted}: {group.Key}");
        }
    }

    private void WriteConflict(EditConflict conflict)
    {
        output.Remark("conflict", conflict.Message);
        var author = conflict.CurrentAuthor?.DisplayName ?? "someone";
        output.Line($"  Current text (revision {conflict.CurrentRevision.ToString(CultureInfo.InvariantCulture)} by {author}):");
        output.Block(conflict.CurrentText, 4);
        output.Line($"  Your text (kept as unmerged edit {conflict.UnmergedEditId.ToString(CultureInfo.InvariantCulture)}):");
        output.Block(conflict.SubmittedText, 4);
    }

    private string PromptText() => CurrentId is { } id ? $"pm#{id}> " : "pm> ";
}
