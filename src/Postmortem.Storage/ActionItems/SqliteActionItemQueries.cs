using Microsoft.Data.Sqlite;
using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.ActionItems;

/// <summary>The action item queries over the <c>action_items</c> projection; each one is served by an index.</summary>
public sealed class SqliteActionItemQueries(SqliteDatabase database) : IActionItemQueries
{
    public const int MaxPageSize = 500;

    private const string Columns =
        "postmortem_id, item_id, guild_id, label, text, owner_id, owner_name, due, status, updated_at";

    internal const string OpenWithDueFirstPageSql = $"""
        SELECT {Columns} FROM action_items
        WHERE status = 'Open' AND owner_id IS NOT NULL AND due IS NOT NULL
        ORDER BY due, postmortem_id, item_id
        LIMIT $limit;
        """;

    internal const string OpenWithDueNextPageSql = $"""
        SELECT {Columns} FROM action_items
        WHERE status = 'Open' AND owner_id IS NOT NULL AND due IS NOT NULL
            AND (due, postmortem_id, item_id) > ($due, $postmortem_id, $item_id)
        ORDER BY due, postmortem_id, item_id
        LIMIT $limit;
        """;

    internal const string ByOwnerSql = $"""
        SELECT {Columns} FROM action_items
        WHERE guild_id = $guild_id AND owner_id = $owner_id AND ($include_closed OR status = 'Open')
        ORDER BY due IS NULL, due, postmortem_id, item_id;
        """;

    internal const string OverdueSql = $"""
        SELECT {Columns} FROM action_items
        WHERE guild_id = $guild_id AND status = 'Open' AND due IS NOT NULL AND due < $today
        ORDER BY due, postmortem_id, item_id;
        """;

    public Task<ActionItemPage> ListOpenWithDueAsync(
        ActionItemCursor? after = null,
        int pageSize = 100,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = after is null ? OpenWithDueFirstPageSql : OpenWithDueNextPageSql;
                if (after is not null)
                {
                    command.Parameters.AddWithValue("$due", SqliteValues.Date(after.Due));
                    command.Parameters.AddWithValue("$postmortem_id", after.PostmortemId.Value);
                    command.Parameters.AddWithValue("$item_id", after.ItemId);
                }

                // One row more than asked says whether another page exists.
                command.Parameters.AddWithValue("$limit", pageSize + 1);
                var items = await ReadAsync(command, ct);
                if (items.Count <= pageSize)
                {
                    return new ActionItemPage(items, null);
                }

                items.RemoveAt(items.Count - 1);
                var last = items[^1];
                return new ActionItemPage(items, new ActionItemCursor(last.Due!.Value, last.PostmortemId, last.ItemId));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ActionItemView>> ListByOwnerAsync(
        string guildId,
        string ownerId,
        bool includeClosed = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        return database.RunAsync<IReadOnlyList<ActionItemView>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = ByOwnerSql;
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$owner_id", ownerId);
                command.Parameters.AddWithValue("$include_closed", includeClosed);
                return await ReadAsync(command, ct);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ActionItemView>> ListOverdueAsync(
        string guildId,
        DateOnly today,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return database.RunAsync<IReadOnlyList<ActionItemView>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = OverdueSql;
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$today", SqliteValues.Date(today));
                return await ReadAsync(command, ct);
            },
            cancellationToken);
    }

    private static async Task<List<ActionItemView>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ActionItemView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ActionItemView(
                new PostmortemId(reader.GetInt64(0)),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : new UserRef(reader.GetString(5), reader.IsDBNull(6) ? reader.GetString(5) : reader.GetString(6)),
                reader.IsDBNull(7) ? null : SqliteValues.ParseDate(reader.GetString(7)),
                Enum.Parse<ActionItemStatus>(reader.GetString(8)),
                SqliteValues.ParseInstant(reader.GetString(9))));
        }

        return items;
    }
}
