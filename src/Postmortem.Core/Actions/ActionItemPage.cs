using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Actions;

/// <summary>Where a page of <see cref="IActionItemQueries.ListOpenWithDueAsync"/> ended; pass it to get the next page.</summary>
public sealed record ActionItemCursor(DateOnly Due, PostmortemId PostmortemId, int ItemId);

/// <summary>A page of action items; <see cref="Next"/> is null on the last page.</summary>
public sealed record ActionItemPage(IReadOnlyList<ActionItemView> Items, ActionItemCursor? Next)
{
    /// <summary>
    /// The page of a keyset query that read up to <paramref name="pageSize"/> + 1 items in page order: one item more
    /// than asked says that another page exists (it is not returned), without a second query.
    /// </summary>
    public static ActionItemPage FromOneMore(IReadOnlyList<ActionItemView> items, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count <= pageSize)
        {
            return new ActionItemPage(items, null);
        }

        var page = items.Take(pageSize).ToList();
        var last = page[^1];
        return new ActionItemPage(page, new ActionItemCursor(last.Due!.Value, last.PostmortemId, last.ItemId));
    }
}
