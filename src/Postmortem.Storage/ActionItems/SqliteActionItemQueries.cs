using Microsoft.Data.Sqlite;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.ActionItems;

/// <summary>The action item queries over the <c>action_items</c> projection; each one is served by an index.</summary>
public sealed class SqliteActionItemQueries(SqliteDatabase database) : IActionItemQueries
{
    internal const string Columns =
        "a.postmortem_id, a.item_id, a.guild_id, a.label, a.text, a.owner_id, a.owner_name, a.due, a.status, a.updated_at";

    internal const string OpenWithDueFirstPageSql = $"""
        SELECT {Columns} FROM action_items a
        WHERE a.status = 'Open' AND a.owner_id IS NOT NULL AND a.due IS NOT NULL
        ORDER BY a.due, a.postmortem_id, a.item_id
        LIMIT $limit;
        """;

    internal const string OpenWithDueNextPageSql = $"""
        SELECT {Columns} FROM action_items a
        WHERE a.status = 'Open' AND a.owner_id IS NOT NULL AND a.due IS NOT NULL
            AND (a.due, a.postmortem_id, a.item_id) > ($due, $postmortem_id, $item_id)
        ORDER BY a.due, a.postmortem_id, a.item_id
        LIMIT $limit;
        """;

    internal const string OpenItemsSql = $"""
        SELECT {Columns}, p.title, p.channel_id, p.thread_id
        FROM action_items a JOIN postmortems p ON p.id = a.postmortem_id
        WHERE a.guild_id = $guild_id AND a.status = 'Open'
            AND ($owner_id IS NULL OR a.owner_id = $owner_id)
            AND ($due_before IS NULL OR (a.due IS NOT NULL AND a.due < $due_before))
        ORDER BY a.due IS NULL, a.due, a.postmortem_id, a.item_id
        LIMIT $limit;
        """;

    public Task<ActionItemPage> ListOpenWithDueAsync(
        ActionItemCursor? after = null,
        int pageSize = 100,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, StorageLimits.MaxActionItemPage);
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
                var items = new List<ActionItemView>();
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        items.Add(ReadItem(reader, 0));
                    }
                }

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
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = OpenItemsSql;
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$owner_id", (object?)ownerId ?? DBNull.Value);
                command.Parameters.AddWithValue("$due_before", dueBefore is { } date ? SqliteValues.Date(date) : DBNull.Value);
                command.Parameters.AddWithValue("$limit", limit);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var items = new List<OpenActionItem>();
                while (await reader.ReadAsync(ct))
                {
                    items.Add(new OpenActionItem(ReadItem(reader, 0), reader.GetString(10), reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
                }

                return items;
            },
            cancellationToken);
    }

    /// <summary>Reads the <see cref="Columns"/> starting at <paramref name="at"/>.</summary>
    internal static ActionItemView ReadItem(SqliteDataReader reader, int at) => new(
        new PostmortemId(reader.GetInt64(at)),
        reader.GetInt32(at + 1),
        reader.GetString(at + 2),
        reader.GetString(at + 3),
        reader.GetString(at + 4),
        reader.IsDBNull(at + 5) ? null : new UserRef(reader.GetString(at + 5), reader.IsDBNull(at + 6) ? reader.GetString(at + 5) : reader.GetString(at + 6)),
        reader.IsDBNull(at + 7) ? null : SqliteValues.ParseDate(reader.GetString(at + 7)),
        Enum.Parse<ActionItemStatus>(reader.GetString(at + 8)),
        SqliteValues.ParseInstant(reader.GetString(at + 9)));
}
