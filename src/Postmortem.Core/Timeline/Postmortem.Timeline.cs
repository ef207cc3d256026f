using System.Globalization;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;

namespace Postmortem.Core;

public sealed partial class Postmortem
{
    /// <summary>Timeline entries in the order they were added; see <see cref="TimelineInOrder"/>.</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline.Items;

    /// <summary>Timeline entries sorted by instant (ties keep the order they were added in).</summary>
    public IReadOnlyList<TimelineEntry> TimelineInOrder => [.. _timeline.Items.OrderBy(e => e.At).ThenBy(e => e.Id)];

    public TimelineFigures TimelineFigures => TimelineFigures.From(_timeline.Items);

    public TimelineEntry? FindTimelineEntry(int id) => _timeline.Find(id);

    private CommandResult ApplyAddTimelineEntry(AddTimelineEntry command, UserRef actor)
    {
        if (ValidateTimelineInput(command.Text, command.Kind, out var text) is { } error)
        {
            return error;
        }

        if (RejectTimelineDuplicate(command.Source) is { } duplicate)
        {
            return duplicate;
        }

        var entry = new TimelineEntry
        {
            Id = _counters.NextTimelineEntryId,
            At = command.At.ToUniversalTime(),
            Text = text,
            Kind = command.Kind,
            Author = actor,
            Source = command.Source,
        };
        _counters = _counters with { NextTimelineEntryId = entry.Id + 1 };
        _timeline.Add(entry);
        return CommandResult.Success(entry.Id);
    }

    private CommandResult ApplyEditTimelineEntry(EditTimelineEntry command, UserRef actor, DateTimeOffset now)
    {
        if (_timeline.Find(command.EntryId) is not { } entry)
        {
            return UserError.NotFound($"Timeline entry {command.EntryId} does not exist.");
        }

        if (ValidateTimelineInput(command.Text, command.Kind, out var text) is { } error)
        {
            return error;
        }

        var at = command.At.ToUniversalTime();
        var target = EditTarget.Timeline(entry.Id);
        if (CheckRevision(target, command.BaseRevision, entry.Revision, Describe(entry.At, entry.Kind, entry.Text), entry.Author,
                Describe(at, command.Kind, text), actor, now) is { } conflict)
        {
            return conflict;
        }

        ClearUnmerged(target, actor);
        _timeline.Replace(entry with { At = at, Text = text, Kind = command.Kind, Revision = entry.Revision + 1 });
        return CommandResult.Success(entry.Id);
    }

    private CommandResult ApplyRemoveTimelineEntry(RemoveTimelineEntry command) =>
        _timeline.Remove(command.EntryId)
            ? CommandResult.Success()
            : UserError.NotFound($"Timeline entry {command.EntryId} does not exist.");

    private static UserError? ValidateTimelineInput(string text, TimelineEntryKind kind, out string normalized)
    {
        if (!Enum.IsDefined(kind))
        {
            normalized = "";
            return UserError.Invalid($"\"{kind}\" is not a kind of timeline entry.");
        }

        return InputRules.Text(text, "The timeline entry", Limits.MaxTextLength, out normalized);
    }

    // The whole entry is what a conflicting editor submitted, so keep all of it in the unmerged text.
    private static string Describe(DateTimeOffset at, TimelineEntryKind kind, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-dd HH:mm} UTC [{kind}] {text}");
}
