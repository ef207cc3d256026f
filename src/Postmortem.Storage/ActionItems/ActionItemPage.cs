namespace Postmortem.Storage.ActionItems;

/// <summary>Where a page of <see cref="IActionItemQueries.ListOpenWithDueAsync"/> ended; pass it to get the next page.</summary>
public sealed record ActionItemCursor(DateOnly Due, Core.Postmortems.PostmortemId PostmortemId, int ItemId);

/// <summary>A page of action items; <see cref="Next"/> is null on the last page.</summary>
public sealed record ActionItemPage(IReadOnlyList<ActionItemView> Items, ActionItemCursor? Next);
