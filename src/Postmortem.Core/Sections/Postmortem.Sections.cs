using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;

namespace Postmortem.Core;

public sealed partial class Postmortem
{
    /// <summary>Section answers in the order they were first touched (use the template for display order).</summary>
    public IReadOnlyList<SectionAnswer> Sections => _sections.Items;

    /// <summary>Submissions that arrived on top of an outdated revision, kept until merged or dismissed.</summary>
    public IReadOnlyList<UnmergedEdit> UnmergedEdits => _unmerged.Items;

    public SectionAnswer? FindSection(string key) => _sections.Find(key);

    /// <summary>The current text of a section or question, or null when nothing was written yet.</summary>
    public string? CurrentText(string key) => _sections.Find(key)?.Current?.Text;

    private CommandResult ApplyAnswerSection(AnswerSection command, UserRef actor, DateTimeOffset now)
    {
        if (InputRules.SectionKey(command.SectionKey) is { } keyError)
        {
            return keyError;
        }

        if (InputRules.Text(command.Text, "The answer", Limits.MaxTextLength, out var text) is { } error)
        {
            return error;
        }

        if (RejectSectionDuplicate(command.Source, command.SectionKey) is { } duplicate)
        {
            return duplicate;
        }

        var section = _sections.Find(command.SectionKey) ?? new SectionAnswer { Key = command.SectionKey };
        var target = EditTarget.Section(section.Key);
        var current = section.Current;
        if (CheckRevision(target, command.BaseRevision, section.CurrentRevision, current?.Text ?? "", current?.Author, text, actor, now)
            is { } conflict)
        {
            return conflict;
        }

        ClearUnmerged(target, actor);
        if (current is not null && current.Text == text)
        {
            if (section.Skipped)
            {
                _sections.Replace(section with { Skipped = false, SkipReason = null });
            }

            return CommandResult.Success(current.Number);
        }

        var revision = new AnswerRevision(section.CurrentRevision + 1, text, actor, now) { Source = command.Source };
        _sections.Upsert(section with { Revisions = [.. section.Revisions, revision], Skipped = false, SkipReason = null });
        return CommandResult.Success(revision.Number);
    }

    private CommandResult ApplySkipSection(SkipSection command)
    {
        if (InputRules.SectionKey(command.SectionKey) is { } keyError)
        {
            return keyError;
        }

        if (InputRules.OptionalText(command.Reason, "The reason", Limits.MaxReasonLength, out var reason) is { } error)
        {
            return error;
        }

        var section = _sections.Find(command.SectionKey) ?? new SectionAnswer { Key = command.SectionKey };
        _sections.Upsert(section with { Skipped = true, SkipReason = reason });
        return CommandResult.Success();
    }

    private CommandResult ApplyUnskipSection(UnskipSection command)
    {
        if (InputRules.SectionKey(command.SectionKey) is { } keyError)
        {
            return keyError;
        }

        if (_sections.Find(command.SectionKey) is not { Skipped: true } section)
        {
            return UserError.Invalid($"Section {command.SectionKey} is not skipped.");
        }

        _sections.Replace(section with { Skipped = false, SkipReason = null });
        return CommandResult.Success();
    }

    private CommandResult ApplyDismissUnmerged(DismissUnmergedEdit command) =>
        _unmerged.Remove(command.UnmergedEditId)
            ? CommandResult.Success()
            : UserError.NotFound($"Unmerged edit {command.UnmergedEditId} does not exist.");

    /// <summary>
    /// Item-level optimistic concurrency. Returns null when the edit may go ahead; otherwise keeps the
    /// submitted text as an unmerged edit and returns the conflict (or a user error for a bogus revision).
    /// </summary>
    private CommandResult? CheckRevision(
        string target,
        int? baseRevision,
        int currentRevision,
        string currentText,
        UserRef? currentAuthor,
        string submitted,
        UserRef actor,
        DateTimeOffset now)
    {
        if (baseRevision is not { } seen || seen == currentRevision || submitted == currentText)
        {
            return null;
        }

        if (seen < 0 || seen > currentRevision)
        {
            return UserError.Invalid($"Revision {seen} does not exist; the latest is {currentRevision}.");
        }

        var unmerged = new UnmergedEdit(_counters.NextUnmergedEditId, target, submitted, actor, now, seen, currentRevision);
        _counters = _counters with { NextUnmergedEditId = unmerged.Id + 1 };
        _unmerged.Add(unmerged);
        return CommandResult.Conflicted(
            new EditConflict(target, seen, currentRevision, currentText, currentAuthor, submitted, unmerged.Id));
    }

    // Saving a target means its author has merged whatever they had pending there.
    private void ClearUnmerged(string target, UserRef author)
    {
        if (_unmerged.Count == 0)
        {
            return;
        }

        foreach (var edit in _unmerged.ToArray())
        {
            if (edit.Target == target && edit.Author.IsSamePerson(author))
            {
                _unmerged.Remove(edit.Id);
            }
        }
    }
}
