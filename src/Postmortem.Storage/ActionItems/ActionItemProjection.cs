using System.Text.Json;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.ActionItems;

/// <summary>
/// Keeps <c>action_items</c> equal to a postmortem's visible action items, inside the caller's transaction.
/// The rows are a pure function of the postmortem's state, so only the differences from the version being
/// replaced are written (its rows come from the repository's cache or are read back). Plain INSERT, UPDATE
/// and DELETE statements (no upsert) keep triggers that other features put on the table predictable, and
/// <c>updated_at</c> says when an item itself last changed.
/// </summary>
internal static class ActionItemProjection
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

    /// <summary>The rows a postmortem projects to: its action items that are not retracted or under a retracted parent.</summary>
    public static IReadOnlyList<ActionItemRow> RowsOf(Core.Postmortem postmortem)
    {
        var rows = new List<ActionItemRow>(postmortem.ActionItems.Count);
        foreach (var item in postmortem.ActionItems)
        {
            if (!postmortem.IsHidden(item))
            {
                rows.Add(new ActionItemRow(item.Id, item.Label, item.Text, item.Owner?.Id, item.Owner?.DisplayName, item.Due, item.Status));
            }
        }

        return rows;
    }

    /// <summary>
    /// Makes the stored rows equal <c>rows</c>. <c>previous</c> are the rows of the version being replaced when
    /// the caller knows them; otherwise they are read from the table.
    /// </summary>
    public static async Task WriteAsync(
        SqliteConnection connection,
        PostmortemId id,
        string guildId,
        DateTimeOffset updatedAt,
        IReadOnlyList<ActionItemRow> rows,
        IReadOnlyList<ActionItemRow>? previous,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0 && previous is { Count: 0 })
        {
            return;
        }

        previous ??= await ReadAsync(connection, id, cancellationToken);
        var before = previous.ToDictionary(r => r.ItemId);
        var added = rows.Where(r => !before.ContainsKey(r.ItemId)).ToList();
        var changed = rows.Where(r => before.TryGetValue(r.ItemId, out var old) && old != r).ToList();
        var kept = rows.Select(r => r.ItemId).ToHashSet();
        var removed = previous.Where(r => !kept.Contains(r.ItemId)).Select(r => r.ItemId).ToList();

        await WriteRowsAsync(connection, InsertSql, id, guildId, updatedAt, added, cancellationToken);
        await WriteRowsAsync(connection, UpdateSql, id, guildId, updatedAt, changed, cancellationToken);
        if (removed.Count > 0)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = DeleteSql;
            delete.Parameters.AddWithValue("$postmortem_id", id.Value);
            delete.Parameters.AddWithValue("$item_ids", JsonSerializer.Serialize(removed, ProjectionJsonContext.Default.ListInt32));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<List<ActionItemRow>> ReadAsync(SqliteConnection connection, PostmortemId id, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = SelectSql;
        select.Parameters.AddWithValue("$postmortem_id", id.Value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ActionItemRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ActionItemRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : SqliteValues.ParseDate(reader.GetString(5)),
                Enum.Parse<Core.Actions.ActionItemStatus>(reader.GetString(6))));
        }

        return rows;
    }

    private static async Task WriteRowsAsync(
        SqliteConnection connection,
        string sql,
        PostmortemId id,
        string guildId,
        DateTimeOffset updatedAt,
        List<ActionItemRow> rows,
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
