using Postmortem.Core.Actions;
using Postmortem.Core.Application;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IActionItemQueries"/> over the projection each save wrote.</summary>
public sealed class InMemoryActionItemQueries(InMemoryStorage storage) : IActionItemQueries
{
    public Task<ActionItemPage> ListOpenWithDueAsync(ActionItemCursor? after = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, StorageLimits.MaxActionItemPage);
        return storage.RunAsync(
            () =>
            {
                var items = storage.Postmortems.Values
                    .SelectMany(p => p.Views)
                    .Where(i => i.Status == ActionItemStatus.Open && i.Owner is not null && i.Due is not null)
                    .Where(i => after is null || Compare(i, after) > 0)
                    .OrderBy(i => i.Due).ThenBy(i => i.PostmortemId.Value).ThenBy(i => i.ItemId)
                    .Take(pageSize + 1)
                    .ToList();
                return ActionItemPage.FromOneMore(items, pageSize);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OpenActionItem>> ListOpenAsync(
        string guildId,
        string? ownerId = null,
        DateOnly? dueBefore = null,
        int limit = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return storage.RunAsync<IReadOnlyList<OpenActionItem>>(
            () =>
            [
                .. storage.Postmortems.Values
                    .SelectMany(p => p.Views.Select(i => new OpenActionItem(i, p.State.Title, p.State.ChannelId, p.State.ThreadId)))
                    .Where(o => o.Item.GuildId == guildId && o.Item.Status == ActionItemStatus.Open)
                    .Where(o => ownerId is null || o.Item.Owner?.Id == ownerId)
                    .Where(o => dueBefore is null || (o.Item.Due is { } due && due < dueBefore))
                    .OrderBy(o => o.Item.Due is null).ThenBy(o => o.Item.Due).ThenBy(o => o.Item.PostmortemId.Value).ThenBy(o => o.Item.ItemId)
                    .Take(limit),
            ],
            cancellationToken);
    }

    private static int Compare(ActionItemView item, ActionItemCursor cursor)
    {
        var byDue = item.Due!.Value.CompareTo(cursor.Due);
        if (byDue != 0)
        {
            return byDue;
        }

        var byPostmortem = item.PostmortemId.Value.CompareTo(cursor.PostmortemId.Value);
        return byPostmortem != 0 ? byPostmortem : item.ItemId.CompareTo(cursor.ItemId);
    }
}
