using System.Globalization;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Reminders;

/// <summary>Stale drafts (from <c>postmortems</c>) and the nudge log (<c>stale_nudges</c>).</summary>
public sealed class SqliteStaleNudgeStore(SqliteDatabase database) : IStaleNudgeStore
{
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
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
            },
            cancellationToken);
}
