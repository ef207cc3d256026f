using System.Text.Json;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.ActionItems;

/// <summary>
/// Keeps <c>action_items</c> equal to <see cref="ActionItemProjection.RowsOf"/>, inside the caller's transaction.
/// Only the differences from the version being replaced are written (its rows come from the repository's cache or
/// are read back). Plain INSERT, UPDATE and DELETE statements (no upsert) keep the reminder triggers on the table
/// predictable: they queue exactly <see cref="ProjectionChanges.ReminderChanges"/> in the same transaction.
/// <c>updated_at</c> says when an item itself last changed.
/// </summary>
internal static class SqliteActionItemProjection
{
    internal const string SelectSql = """
        SELECT item_id, label, text, owner_id, owner_name, due, status FROM action_items
        WHERE postmortem_id = $postmortem_id;
        """;

    internal const string InsertSql = """
        INSERT INTO action_items
            (postmortem_id, item_id, guild_id, label, text, owner_id, owner_name, due, status, updated_at)
        VALUES
            ($postmortem_id, $item_id, $guild_id, $label, $text, $owner_id, $owner_name, $due, $status, $updated_at);
        """;

    internal const string UpdateSql = """
        UPDATE action_items
        SET label = $label, text = $text, owner_id = $owner_id, owner_name = $owner_name, due = $due,
            status = $status, updated_at = $updated_at
        WHERE postmortem_id = $postmortem_id AND item_id = $item_id;
        """;

    internal const string DeleteSql = """
        DELETE FROM action_items
        WHERE postmortem_id = $postmortem_id AND item_id IN (SELECT value FROM json_each($item_ids));
        """;

    /// <summary>
    /// Makes the stored rows equal <c>rows</c>. <c>previous</c> are the rows of the version being replaced when
    /// the caller knows them; otherwise they are read from the table.
    /// </summary>
    public static async Task WriteAsync(
        SqliteConnection connection,
        PostmortemId id,
        string guildId,
        DateTimeOffset updatedAt,
        IReadOnlyList<ProjectedActionItem> rows,
        IReadOnlyList<ProjectedActionItem>? previous,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0 && previous is { Count: 0 })
        {
            return;
        }

        previous ??= await ReadAsync(connection, id, cancellationToken);
        var changes = ActionItemProjection.Compare(previous, rows);
        await WriteRowsAsync(connection, InsertSql, id, guildId, updatedAt, changes.Added, cancellationToken);
        await WriteRowsAsync(connection, UpdateSql, id, guildId, updatedAt, changes.Changed, cancellationToken);
        if (changes.Removed.Count > 0)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = DeleteSql;
            delete.Parameters.AddWithValue("$postmortem_id", id.Value);
            delete.Parameters.AddWithValue("$item_ids", JsonSerializer.Serialize(changes.Removed, ProjectionJsonContext.Default.IReadOnlyListInt32));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<List<ProjectedActionItem>> ReadAsync(SqliteConnection connection, PostmortemId id, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = SelectSql;
        select.Parameters.AddWithValue("$postmortem_id", id.Value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ProjectedActionItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ProjectedActionItem(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : SqliteValues.ParseDate(reader.GetString(5)),
                Enum.Parse<ActionItemStatus>(reader.GetString(6))));
        }

        return rows;
    }

    private static async Task WriteRowsAsync(
        SqliteConnection connection,
        string sql,
        PostmortemId id,
        string guildId,
        DateTimeOffset updatedAt,
        IReadOnlyList<ProjectedActionItem> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var itemId = command.Parameters.Add("$item_id", SqliteType.Integer);
        var label = command.Parameters.Add("$label", SqliteType.Text);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        var ownerId = command.Parameters.Add("$owner_id", SqliteType.Text);
        var ownerName = command.Parameters.Add("$owner_name", SqliteType.Text);
        var due = command.Parameters.Add("$due", SqliteType.Text);
        var status = command.Parameters.Add("$status", SqliteType.Text);
        command.Parameters.AddWithValue("$postmortem_id", id.Value);
        command.Parameters.AddWithValue("$guild_id", guildId);
        command.Parameters.AddWithValue("$updated_at", SqliteValues.Instant(updatedAt));
        foreach (var row in rows)
        {
            itemId.Value = row.ItemId;
            label.Value = row.Label;
            text.Value = row.Text;
            ownerId.Value = (object?)row.OwnerId ?? DBNull.Value;
            ownerName.Value = (object?)row.OwnerName ?? DBNull.Value;
            due.Value = row.Due is { } date ? SqliteValues.Date(date) : DBNull.Value;
            status.Value = row.Status.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
