using LiteDB;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.ActionItems;

/// <summary>The action item queries over <see cref="LiteDbSchema.ActionItems"/>: due pages by the <c>dueKey</c> index, guild lists by the guild index.</summary>
public sealed class LiteDbActionItemQueries(LiteDbDatabase database) : IActionItemQueries
{
    public Task<ActionItemPage> ListOpenWithDueAsync(
        ActionItemCursor? after = null,
        int pageSize = 100,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, StorageLimits.MaxActionItemPage);

        // dueKey is null except on open items with an owner and a due date; every key is a non-empty string.
        var from = after is null ? "" : ActionItemDocuments.DueKey(after.Due, after.PostmortemId.Value, after.ItemId);
        return database.RunAsync(
            engine =>
            {
                var items = engine.Find(
                        LiteDbSchema.ActionItems,
                        BsonExpression.Create("dueKey > @0", from),
                        BsonExpression.Create("dueKey"),
                        limit: pageSize + 1)
                    .Select(ActionItemDocuments.ToView)
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
        return database.RunAsync<IReadOnlyList<OpenActionItem>>(
            engine =>
            {
                var items = engine.Find(LiteDbSchema.ActionItems, BsonExpression.Create("guild = @0", guildId))
                    .Select(ActionItemDocuments.ToView)
                    .Where(i => i.Status == ActionItemStatus.Open)
                    .Where(i => ownerId is null || string.Equals(i.Owner?.Id, ownerId, StringComparison.Ordinal))
                    .Where(i => dueBefore is null || (i.Due is { } due && due < dueBefore))
                    .OrderBy(i => i.Due is null).ThenBy(i => i.Due).ThenBy(i => i.PostmortemId.Value).ThenBy(i => i.ItemId)
                    .Take(limit)
                    .ToList();
                var postmortems = new Dictionary<long, BsonDocument>();
                var open = new List<OpenActionItem>(items.Count);
                foreach (var item in items)
                {
                    if (!postmortems.TryGetValue(item.PostmortemId.Value, out var row))
                    {
                        row = engine.FindById(LiteDbSchema.Postmortems, item.PostmortemId.Value)!;
                        postmortems[item.PostmortemId.Value] = row;
                    }

                    open.Add(new OpenActionItem(item, row["title"].AsString, row["channel"].AsString, BsonValues.ToText(row["thread"])));
                }

                return open;
            },
            cancellationToken);
    }
}
