using Postmortem.Core.Chat;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Chat;

/// <summary>Known DM channel ids per user (<c>dm_channels</c>), so a reminder needs no "open DM" request.</summary>
public sealed class SqliteDmChannelStore(SqliteDatabase database) : IDmChannelStore
{
    internal const string SelectAllSql = "SELECT user_id, channel_id FROM dm_channels;";

    internal const string UpsertSql = """
        INSERT INTO dm_channels (user_id, channel_id, created_at) VALUES ($user_id, $channel_id, $created_at)
        ON CONFLICT (user_id) DO UPDATE SET channel_id = excluded.channel_id, created_at = excluded.created_at;
        """;

    internal const string DeleteSql = "DELETE FROM dm_channels WHERE user_id = $user_id;";

    public Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyDictionary<string, string>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectAllSql;
                await using var reader = await command.ExecuteReaderAsync(ct);
                var channels = new Dictionary<string, string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(ct))
                {
                    channels[reader.GetString(0)] = reader.GetString(1);
                }

                return channels;
            },
            cancellationToken);

    public Task SaveAsync(string userId, string channelId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = UpsertSql;
                command.Parameters.AddWithValue("$user_id", userId);
                command.Parameters.AddWithValue("$channel_id", channelId);
                command.Parameters.AddWithValue("$created_at", SqliteValues.Instant(now));
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task ForgetAsync(string userId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = DeleteSql;
                command.Parameters.AddWithValue("$user_id", userId);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
}
