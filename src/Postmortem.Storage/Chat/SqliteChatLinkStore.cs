using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Chat;

/// <summary>
/// The chat messages a front end keeps up to date for a postmortem (<c>chat_links</c>), one per kind, e.g. the
/// pinned dashboard. Kept in the database so an edit after a restart still finds its message.
/// </summary>
public sealed class SqliteChatLinkStore(SqliteDatabase database) : IChatLinkStore
{
    internal const string SelectSql = """
        SELECT channel_id, message_id FROM chat_links WHERE postmortem_id = $postmortem_id AND kind = $kind;
        """;

    internal const string FindByChannelSql = """
        SELECT postmortem_id FROM chat_links WHERE kind = $kind AND channel_id = $channel_id ORDER BY postmortem_id LIMIT 1;
        """;

    internal const string UpsertSql = """
        INSERT INTO chat_links (postmortem_id, kind, channel_id, message_id)
        VALUES ($postmortem_id, $kind, $channel_id, $message_id)
        ON CONFLICT (postmortem_id, kind) DO UPDATE SET
            channel_id = excluded.channel_id,
            message_id = excluded.message_id;
        """;

    public Task<ChatLink?> GetAsync(PostmortemId postmortemId, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return database.RunAsync<ChatLink?>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectSql;
                command.Parameters.AddWithValue("$postmortem_id", postmortemId.Value);
                command.Parameters.AddWithValue("$kind", kind);
                await using var reader = await command.ExecuteReaderAsync(ct);
                return await reader.ReadAsync(ct) ? new ChatLink(reader.GetString(0), reader.GetString(1)) : null;
            },
            cancellationToken);
    }

    /// <summary>The postmortem whose link of <paramref name="kind"/> is in <paramref name="channelId"/> (e.g. a thread opened for it), or null.</summary>
    public Task<PostmortemId?> FindPostmortemAsync(string kind, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return database.RunAsync<PostmortemId?>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = FindByChannelSql;
                command.Parameters.AddWithValue("$kind", kind);
                command.Parameters.AddWithValue("$channel_id", channelId);
                return await command.ExecuteScalarAsync(ct) is long id ? new PostmortemId(id) : null;
            },
            cancellationToken);
    }

    public Task SetAsync(PostmortemId postmortemId, string kind, ChatLink link, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(link);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = UpsertSql;
                command.Parameters.AddWithValue("$postmortem_id", postmortemId.Value);
                command.Parameters.AddWithValue("$kind", kind);
                command.Parameters.AddWithValue("$channel_id", link.ChannelId);
                command.Parameters.AddWithValue("$message_id", link.MessageId);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }
}
