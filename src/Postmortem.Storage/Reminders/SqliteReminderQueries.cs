using Microsoft.Data.Sqlite;
using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Reminders;

/// <summary>Read models for digests, "/actions" lists and the stale-draft sweep, plus the stale nudge log.</summary>
public sealed class SqliteReminderQueries(SqliteDatabase database)
{
    private const string ItemColumns =
        "a.postmortem_id, a.item_id, a.guild_id, a.label, a.text, a.owner_id, a.owner_name, a.due, a.status, a.updated_at, p.title, p.channel_id, p.thread_id";

    internal const string OpenItemsSql = $"""
        SELECT {ItemColumns}
        FROM action_items a JOIN postmortems p ON p.id = a.postmortem_id
        WHERE a.guild_id = $guild_id AND a.status = 'Open'
            AND ($owner_id IS NULL OR a.owner_id = $owner_id)
            AND ($due_before IS NULL OR (a.due IS NOT NULL AND a.due < $due_before))
        ORDER BY a.due IS NULL, a.due, a.postmortem_id, a.item_id
        LIMIT $limit;
        """;

    internal const string StaleDraftsSql = """
        SELECT p.id, p.guild_id, p.updated_at FROM postmortems p
        WHERE p.status = 'Draft' AND p.updated_at < $updated_before
            AND NOT EXISTS (SELECT 1 FROM stale_nudges n WHERE n.postmortem_id = p.id AND n.activity_at = p.updated_at)
        ORDER BY p.updated_at, p.id;
        """;

    internal const string RecordNudgeSql = """
        INSERT INTO stale_nudges (postmortem_id, activity_at, sent_at) VALUES ($postmortem_id, $activity_at, $sent_at)
        ON CONFLICT (postmortem_id, activity_at) DO NOTHING;
        """;

    internal const string HasNudgeSql = """
        SELECT count(*) FROM stale_nudges WHERE postmortem_id = $postmortem_id AND activity_at = $activity_at;
        """;

    /// <summary>
    /// Open items of a guild, soonest due first (undated last): all of them, one owner's, and/or those due before
    /// <paramref name="dueBefore"/> (a local date; "before today" means overdue).
    /// </summary>
    public Task<IReadOnlyList<OpenActionItem>> ListOpenItemsAsync(
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
                    items.Add(new OpenActionItem(ReadItem(reader), reader.GetString(10), reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
                }

                return items;
            },
            cancellationToken);
    }

    /// <summary>Drafts unchanged since before <paramref name="updatedBefore"/> that were not nudged for that inactivity yet.</summary>
    public Task<IReadOnlyList<StaleDraft>> ListStaleDraftsAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<StaleDraft>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = StaleDraftsSql;
                command.Parameters.AddWithValue("$updated_before", SqliteValues.Instant(updatedBefore));
                await using var reader = await command.ExecuteReaderAsync(ct);
                var drafts = new List<StaleDraft>();
                while (await reader.ReadAsync(ct))
                {
                    drafts.Add(new StaleDraft(new PostmortemId(reader.GetInt64(0)), reader.GetString(1), SqliteValues.ParseInstant(reader.GetString(2))));
                }

                return drafts;
            },
            cancellationToken);

    /// <summary>Records a stale nudge; false when this inactivity period was already nudged.</summary>
    public Task<bool> RecordStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = RecordNudgeSql;
                command.Parameters.AddWithValue("$postmortem_id", postmortemId.Value);
                command.Parameters.AddWithValue("$activity_at", SqliteValues.Instant(activityAt));
                command.Parameters.AddWithValue("$sent_at", SqliteValues.Instant(sentAt));
                return await command.ExecuteNonQueryAsync(ct) > 0;
            },
            cancellationToken);

    public Task<bool> HasStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = HasNudgeSql;
                command.Parameters.AddWithValue("$postmortem_id", postmortemId.Value);
                command.Parameters.AddWithValue("$activity_at", SqliteValues.Instant(activityAt));
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
            },
            cancellationToken);

    private static ActionItemView ReadItem(SqliteDataReader reader) => new(
        new PostmortemId(reader.GetInt64(0)),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : new UserRef(reader.GetString(5), reader.IsDBNull(6) ? reader.GetString(5) : reader.GetString(6)),
        reader.IsDBNull(7) ? null : SqliteValues.ParseDate(reader.GetString(7)),
        Enum.Parse<ActionItemStatus>(reader.GetString(8)),
        SqliteValues.ParseInstant(reader.GetString(9)));
}
