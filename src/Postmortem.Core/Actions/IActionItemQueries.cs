namespace Postmortem.Core.Actions;

/// <summary>
/// Read-only queries over the action-item projection of every postmortem (see <see cref="ActionItemProjection"/>):
/// what the last committed save of each postmortem projected, never a half-applied save. Items of retracted or
/// hidden entries are not there; closed items are kept with their status.
/// </summary>
public interface IActionItemQueries
{
    /// <summary>
    /// Open items that have both an owner and a due date, in every guild, ordered by due date, then postmortem id,
    /// then item id. Keyset pages of 1 to <see cref="Application.StorageLimits.MaxActionItemPage"/> items (else
    /// <see cref="ArgumentOutOfRangeException"/>): pass the previous page's <see cref="ActionItemPage.Next"/> as
    /// <paramref name="after"/> to get the items strictly after it. <see cref="ActionItemPage.Next"/> is null
    /// exactly when no item follows; items saved between two pages appear if they sort after the cursor.
    /// </summary>
    Task<ActionItemPage> ListOpenWithDueAsync(
        ActionItemCursor? after = null,
        int pageSize = 100,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Open items of one guild (never another's), with their postmortem's title and channel/thread: all of them,
    /// one owner's (<paramref name="ownerId"/>), and/or those with a due date before <paramref name="dueBefore"/>
    /// (a local date; "before today" means overdue). Soonest due first, items without a due date last, then by
    /// postmortem id and item id; at most <paramref name="limit"/> (1 or more).
    /// </summary>
    Task<IReadOnlyList<OpenActionItem>> ListOpenAsync(
        string guildId,
        string? ownerId = null,
        DateOnly? dueBefore = null,
        int limit = 1000,
        CancellationToken cancellationToken = default);
}
