using System.Globalization;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Reminders;

/// <summary>Review meetings (<c>review_meetings</c>).</summary>
public sealed class SqliteReviewMeetingStore(SqliteDatabase database) : IReviewMeetingStore
{
    private const string Columns = "id, postmortem_id, guild_id, day_of_week, local_time, lead_minutes, created_by, created_at, ended_at, scheduled_event_id";

    private const string TimeFormat = "HH':'mm";

    internal const string InsertSql = """
        INSERT INTO review_meetings (postmortem_id, guild_id, day_of_week, local_time, lead_minutes, created_by, created_at)
        VALUES ($postmortem_id, $guild_id, $day_of_week, $local_time, $lead_minutes, $created_by, $created_at)
        RETURNING id;
        """;

    internal const string SelectActiveSql = $"SELECT {Columns} FROM review_meetings WHERE ended_at IS NULL ORDER BY id;";

    internal const string SelectActiveForPostmortemSql =
        $"SELECT {Columns} FROM review_meetings WHERE ended_at IS NULL AND postmortem_id = $postmortem_id ORDER BY id;";

    internal const string SelectByIdSql = $"SELECT {Columns} FROM review_meetings WHERE id = $id;";

    internal const string SetScheduledEventSql = "UPDATE review_meetings SET scheduled_event_id = $event_id WHERE id = $id;";

    internal const string EndSql = "UPDATE review_meetings SET ended_at = $ended_at WHERE id = $id AND ended_at IS NULL;";

    public Task<ReviewMeeting> AddAsync(
        PostmortemId postmortemId,
        string guildId,
        WeeklyTime at,
        TimeSpan lead,
        string createdBy,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, TimeSpan.Zero);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = InsertSql;
                command.Parameters.AddWithValue("$postmortem_id", postmortemId.Value);
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$day_of_week", (int)at.Day);
                command.Parameters.AddWithValue("$local_time", at.Time.ToString(TimeFormat, CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$lead_minutes", (long)lead.TotalMinutes);
                command.Parameters.AddWithValue("$created_by", createdBy);
                command.Parameters.AddWithValue("$created_at", SqliteValues.Instant(now));
                var id = (long)(await command.ExecuteScalarAsync(ct))!;
                // What a read returns: the time and lead to the minute, the instant in UTC.
                return new ReviewMeeting(
                    id,
                    postmortemId,
                    guildId,
                    new WeeklyTime(at.Day, new TimeOnly(at.Time.Hour, at.Time.Minute)),
                    TimeSpan.FromMinutes((long)lead.TotalMinutes),
                    createdBy,
                    now.ToUniversalTime());
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(SelectActiveSql, _ => { }, cancellationToken);

    public Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(PostmortemId postmortemId, CancellationToken cancellationToken = default) =>
        QueryAsync(SelectActiveForPostmortemSql, c => c.Parameters.AddWithValue("$postmortem_id", postmortemId.Value), cancellationToken);

    public async Task<ReviewMeeting?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync(SelectByIdSql, c => c.Parameters.AddWithValue("$id", id), cancellationToken)) is [var meeting] ? meeting : null;

    public Task<bool> SetScheduledEventAsync(long id, string? scheduledEventId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SetScheduledEventSql;
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$event_id", (object?)scheduledEventId ?? DBNull.Value);
                return await command.ExecuteNonQueryAsync(ct) > 0;
            },
            cancellationToken);

    /// <summary>Ends a meeting series; false when it had already ended or does not exist.</summary>
    public Task<bool> EndAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = EndSql;
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$ended_at", SqliteValues.Instant(now));
                return await command.ExecuteNonQueryAsync(ct) > 0;
            },
            cancellationToken);

    private Task<IReadOnlyList<ReviewMeeting>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ReviewMeeting>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                bind(command);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var meetings = new List<ReviewMeeting>();
                while (await reader.ReadAsync(ct))
                {
                    meetings.Add(new ReviewMeeting(
                        reader.GetInt64(0),
                        new PostmortemId(reader.GetInt64(1)),
                        reader.GetString(2),
                        new WeeklyTime((DayOfWeek)reader.GetInt32(3), TimeOnly.ParseExact(reader.GetString(4), TimeFormat, CultureInfo.InvariantCulture)),
                        TimeSpan.FromMinutes(reader.GetInt64(5)),
                        reader.GetString(6),
                        SqliteValues.ParseInstant(reader.GetString(7)),
                        reader.IsDBNull(8) ? null : SqliteValues.ParseInstant(reader.GetString(8)),
                        reader.IsDBNull(9) ? null : reader.GetString(9)));
                }

                return meetings;
            },
            cancellationToken);
}
