namespace Postmortem.Core.Actions;

/// <summary>
/// Which action items of a postmortem are visible to reminders and lists, and what changed between two saves.
/// Every storage adapter keeps its projection equal to <see cref="RowsOf"/> and feeds the reminder change queue
/// with <see cref="ProjectionChanges.ReminderChanges"/>, so all adapters agree on both.
/// </summary>
public static class ActionItemProjection
{
    /// <summary>
    /// The rows a postmortem projects to: its action items that are not retracted and not under a retracted
    /// corrective action or lesson (<see cref="Postmortem.IsHidden(ActionItem)"/>), in the postmortem's order.
    /// </summary>
    public static IReadOnlyList<ProjectedActionItem> RowsOf(Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var rows = new List<ProjectedActionItem>(postmortem.ActionItems.Count);
        foreach (var item in postmortem.ActionItems)
        {
            if (!postmortem.IsHidden(item))
            {
                rows.Add(new ProjectedActionItem(item.Id, item.Label, item.Text, item.Owner?.Id, item.Owner?.DisplayName, item.Due, item.Status));
            }
        }

        return rows;
    }

    /// <summary>How the rows <paramref name="after"/> a save differ from the rows <paramref name="before"/> it.</summary>
    public static ProjectionChanges Compare(IReadOnlyList<ProjectedActionItem> before, IReadOnlyList<ProjectedActionItem> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var previous = new Dictionary<int, ProjectedActionItem>(before.Count);
        foreach (var row in before)
        {
            previous[row.ItemId] = row;
        }

        var added = new List<ProjectedActionItem>();
        var changed = new List<ProjectedActionItem>();
        var reminders = new List<int>();
        var kept = new HashSet<int>();
        foreach (var row in after)
        {
            kept.Add(row.ItemId);
            if (!previous.TryGetValue(row.ItemId, out var old))
            {
                added.Add(row);
                reminders.Add(row.ItemId);
            }
            else if (old != row)
            {
                changed.Add(row);
                if (row.ChangesRemindersFrom(old))
                {
                    reminders.Add(row.ItemId);
                }
            }
        }

        var removed = new List<int>();
        foreach (var row in before)
        {
            if (!kept.Contains(row.ItemId))
            {
                removed.Add(row.ItemId);
                reminders.Add(row.ItemId);
            }
        }

        return new ProjectionChanges(added, changed, removed, reminders);
    }
}

/// <summary>
/// The difference between two projections of one postmortem: rows to insert, rows to update, item ids to delete,
/// and the item ids the reminders must recompute (every added and removed item, and changed items whose owner,
/// due date or status changed; a new label, text or owner name alone does not concern them).
/// </summary>
public sealed record ProjectionChanges(
    IReadOnlyList<ProjectedActionItem> Added,
    IReadOnlyList<ProjectedActionItem> Changed,
    IReadOnlyList<int> Removed,
    IReadOnlyList<int> ReminderChanges)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}
