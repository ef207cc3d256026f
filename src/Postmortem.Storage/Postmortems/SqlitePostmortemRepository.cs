using System.Text.Json;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Postmortems;

/// <summary>
/// Stores each postmortem as one row: the engine's <see cref="PostmortemState"/> as JSON plus copies of the
/// columns lists and lookups need. Saves are optimistic (<c>WHERE version = expected</c>) and update the
/// <c>action_items</c> projection in the same transaction.
/// </summary>
/// <remarks>
/// Hot path (one answer = load + save): the last state loaded or saved per postmortem is kept by version, so a
/// load whose stored version is unchanged skips parsing the JSON, and a save knows the projection rows of the
/// version it replaces without reading them back.
/// </remarks>
public sealed class SqlitePostmortemRepository(SqliteDatabase database) : IPostmortemRepository
{
    internal const string InsertSql = """
        INSERT INTO postmortems
            (guild_id, channel_id, thread_id, title, title_folded, status, version, created_at, updated_at, state_json)
        VALUES
            ($guild_id, $channel_id, $thread_id, $title, $title_folded, $status, 1, $created_at, $updated_at, '{}')
        RETURNING id;
        """;

    // $state_json is bound as UTF-8 bytes (what the serializer writes and SQLite stores) and cast to TEXT,
    // which skips two UTF-16 round trips of the largest value on the hot path.
    internal const string WriteCreatedStateSql = "UPDATE postmortems SET state_json = CAST($state_json AS TEXT) WHERE id = $id;";

    internal const string UpdateSql = """
        UPDATE postmortems
        SET thread_id = $thread_id,
            title = $title,
            title_folded = $title_folded,
            status = $status,
            updated_at = $updated_at,
            state_json = CAST($state_json AS TEXT),
            version = version + 1
        WHERE id = $id AND version = $expected_version;
        """;

    // The JSON only travels when the caller does not already hold this version's state.
    internal const string SelectByIdSql = """
        SELECT id, version, CASE WHEN version = $known_version THEN NULL ELSE state_json END
        FROM postmortems
        WHERE id = $id;
        """;

    internal const string SelectByThreadSql = """
        SELECT id, version, state_json FROM postmortems
        WHERE thread_id = $thread_id
        ORDER BY id DESC
        LIMIT 1;
        """;

    internal const string ListSql = """
        SELECT id, title, status, updated_at, thread_id FROM postmortems
        WHERE guild_id = $guild_id AND ($search IS NULL OR instr(title_folded, $search) > 0)
        ORDER BY updated_at DESC, id DESC
        LIMIT $limit;
        """;

    private readonly LoadedStateCache _cache = new(database.Connections.Options.CachedPostmortems);

    public Task<PostmortemId> CreateAsync(Core.Postmortem draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Id.IsAssigned)
        {
            throw new ArgumentException($"Postmortem {draft.Id} was already created; save it instead.", nameof(draft));
        }

        var state = draft.ToState();
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var transaction = connection.BeginTransaction();
                PostmortemId id;
                await using (var insert = connection.CreateCommand())
                {
                    insert.CommandText = InsertSql;
                    insert.Parameters.AddWithValue("$guild_id", state.GuildId);
                    insert.Parameters.AddWithValue("$channel_id", state.ChannelId);
                    AddRowColumns(insert, state);
                    insert.Parameters.AddWithValue("$created_at", SqliteValues.Instant(state.CreatedAt));
                    id = new PostmortemId((long)(await insert.ExecuteScalarAsync(ct))!);
                }

                // The id is only known now; the stored state carries it like every later save does.
                await using (var write = connection.CreateCommand())
                {
                    write.CommandText = WriteCreatedStateSql;
                    write.Parameters.AddWithValue("$id", id.Value);
                    write.Parameters.Add("$state_json", SqliteType.Blob).Value = Serialize(state with { Id = id, Version = 1 });
                    await write.ExecuteNonQueryAsync(ct);
                }

                await SqliteActionItemProjection.WriteAsync(
                    connection, id, state.GuildId, state.UpdatedAt, ActionItemProjection.RowsOf(draft), previous: [], ct);
                await transaction.CommitAsync(ct);
                return id;
            },
            cancellationToken);
    }

    public Task<Core.Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default)
    {
        var known = _cache.Find(id);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectByIdSql;
                command.Parameters.AddWithValue("$id", id.Value);
                command.Parameters.AddWithValue("$known_version", known?.Version ?? 0);
                return await ReadOneAsync(command, known, ct);
            },
            cancellationToken);
    }

    public Task SaveAsync(PostmortemSave save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        var (postmortem, expectedVersion) = (save.Postmortem, save.ExpectedVersion);
        if (!postmortem.Id.IsAssigned)
        {
            throw new ArgumentException("A postmortem must be created before it is saved.", nameof(save));
        }

        var state = postmortem.ToState() with { Version = expectedVersion + 1 };
        var json = Serialize(state);
        var rows = ActionItemProjection.RowsOf(postmortem);
        var replaced = _cache.Find(postmortem.Id) is { } known && known.Version == expectedVersion ? known.ActionItems : null;
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var transaction = connection.BeginTransaction();
                await using (var update = connection.CreateCommand())
                {
                    update.CommandText = UpdateSql;
                    update.Parameters.AddWithValue("$id", postmortem.Id.Value);
                    update.Parameters.AddWithValue("$expected_version", expectedVersion);
                    AddRowColumns(update, state);
                    update.Parameters.Add("$state_json", SqliteType.Blob).Value = json;
                    if (await update.ExecuteNonQueryAsync(ct) == 0)
                    {
                        throw new ConcurrencyException(postmortem.Id, expectedVersion);
                    }
                }

                await SqliteActionItemProjection.WriteAsync(connection, postmortem.Id, state.GuildId, state.UpdatedAt, rows, replaced, ct);
                await transaction.CommitAsync(ct);
                _cache.Remember(new LoadedStateCache.Entry(postmortem.Id, state.Version, state, rows));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<PostmortemSummary>> ListAsync(
        string guildId,
        string? search = null,
        int limit = 25,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var folded = string.IsNullOrWhiteSpace(search) ? null : search.Trim().ToLowerInvariant();
        return database.RunAsync<IReadOnlyList<PostmortemSummary>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = ListSql;
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$search", (object?)folded ?? DBNull.Value);
                command.Parameters.AddWithValue("$limit", Math.Min(limit, StorageLimits.MaxPostmortemList));
                await using var reader = await command.ExecuteReaderAsync(ct);
                var summaries = new List<PostmortemSummary>();
                while (await reader.ReadAsync(ct))
                {
                    summaries.Add(new PostmortemSummary(
                        new PostmortemId(reader.GetInt64(0)),
                        reader.GetString(1),
                        Enum.Parse<PostmortemStatus>(reader.GetString(2)),
                        SqliteValues.ParseInstant(reader.GetString(3)),
                        reader.IsDBNull(4) ? null : reader.GetString(4)));
                }

                return summaries;
            },
            cancellationToken);
    }

    public Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectByThreadSql;
                command.Parameters.AddWithValue("$thread_id", threadId);
                return await ReadOneAsync(command, known: null, ct);
            },
            cancellationToken);
    }

    private static void AddRowColumns(SqliteCommand command, PostmortemState state)
    {
        command.Parameters.AddWithValue("$thread_id", (object?)state.ThreadId ?? DBNull.Value);
        command.Parameters.AddWithValue("$title", state.Title);
        command.Parameters.AddWithValue("$title_folded", state.Title.ToLowerInvariant());
        command.Parameters.AddWithValue("$status", state.Status.ToString());
        command.Parameters.AddWithValue("$updated_at", SqliteValues.Instant(state.UpdatedAt));
    }

    private async Task<Core.Postmortem?> ReadOneAsync(SqliteCommand command, LoadedStateCache.Entry? known, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var id = new PostmortemId(reader.GetInt64(0));
        var version = reader.GetInt64(1);
        if (reader.IsDBNull(2) && known is not null && known.Version == version)
        {
            return Core.Postmortem.FromState(known.State);
        }

        var postmortem = Load(id, version, reader.GetString(2));
        _cache.Remember(new LoadedStateCache.Entry(id, version, postmortem.ToState(), ActionItemProjection.RowsOf(postmortem)));
        return postmortem;
    }

    private Core.Postmortem Load(PostmortemId id, long version, string json)
    {
        PostmortemState? state;
        try
        {
            state = JsonSerializer.Deserialize(json, PostmortemJsonContext.Default.PostmortemState);
        }
        catch (JsonException exception)
        {
            throw Unreadable(id, exception.Message, exception);
        }

        if (state is null)
        {
            throw Unreadable(id, "the stored state is null", null);
        }

        if (state.SchemaVersion > PostmortemState.CurrentSchemaVersion)
        {
            throw new StorageException(
                StorageFailure.SchemaTooNew,
                database.DatabasePath,
                $"Postmortem {id} in '{database.DatabasePath}' was saved by a newer build (state schema "
                + $"{state.SchemaVersion}, this build reads up to {PostmortemState.CurrentSchemaVersion}).");
        }

        try
        {
            // The columns are the truth for identity and version; the JSON copy is informative.
            return Core.Postmortem.FromState(state with { Id = id, Version = version });
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            throw Unreadable(id, exception.Message, exception);
        }
    }

    private StorageException Unreadable(PostmortemId id, string problem, Exception? inner) => new(
        StorageFailure.Corrupt,
        database.DatabasePath,
        $"Postmortem {id} in '{database.DatabasePath}' cannot be read back: {problem}. Restore the file from a backup.",
        inner);

    private static byte[] Serialize(PostmortemState state) =>
        JsonSerializer.SerializeToUtf8Bytes(state, PostmortemJsonContext.Default.PostmortemState);
}
