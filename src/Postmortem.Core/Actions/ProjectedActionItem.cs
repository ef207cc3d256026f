using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Actions;

/// <summary>
/// What the projection keeps of one visible action item, besides its postmortem, guild and timestamp. Two rows
/// are the same when every member is equal; a row that differs in any member counts as changed.
/// </summary>
public sealed record ProjectedActionItem(
    int ItemId,
    string Label,
    string Text,
    string? OwnerId,
    string? OwnerName,
    DateOnly? Due,
    ActionItemStatus Status)
{
    /// <summary>Whether a change from <paramref name="before"/> to this row concerns the reminders (owner, due date or status).</summary>
    public bool ChangesRemindersFrom(ProjectedActionItem before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return !string.Equals(OwnerId, before.OwnerId, StringComparison.Ordinal) || Due != before.Due || Status != before.Status;
    }

    /// <summary>The row as read back: the owner's name falls back to the id when none was stored.</summary>
    public ActionItemView ToView(PostmortemId postmortemId, string guildId, DateTimeOffset updatedAt) => new(
        postmortemId,
        ItemId,
        guildId,
        Label,
        Text,
        OwnerId is null ? null : new UserRef(OwnerId, OwnerName ?? OwnerId),
        Due,
        Status,
        updatedAt);
}
