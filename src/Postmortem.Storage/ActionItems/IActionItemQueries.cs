namespace Postmortem.Storage.ActionItems;

/// <summary>Read-only queries over the action items of every postmortem (for reminders and "my items").</summary>
public interface IActionItemQueries
{
    /// <summary>
    /// Open items that have both an owner and a due date, in every guild, ordered by due date (then postmortem
    /// and item id). Pages with a keyset cursor: pass the previous page's <see cref="ActionItemPage.Next"/>.
    /// </summary>
    Task<ActionItemPage> ListOpenWithDueAsync(
        ActionItemCursor? after = null,
        int pageSize = 100,
        CancellationToken cancellationToken = default);

    /// <summary>A person's items in one guild, soonest due first (no due date last); closed ones only on request.</summary>
    Task<IReadOnlyList<ActionItemView>> ListByOwnerAsync(
        string guildId,
        string ownerId,
        bool includeClosed = false,
        CancellationToken cancellationToken = default);

    /// <summary>Open items of one guild whose due date is before <paramref name="today"/> (the guild's local date).</summary>
    Task<IReadOnlyList<ActionItemView>> ListOverdueAsync(
        string guildId,
        DateOnly today,
        CancellationToken cancellationToken = default);
}
