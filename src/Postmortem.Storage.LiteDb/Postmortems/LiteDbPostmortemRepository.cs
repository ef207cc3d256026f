using System.Text.Json;
using LiteDB;
using LiteDB.Engine;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.LiteDb.ActionItems;
using Postmortem.Storage.LiteDb.Engine;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Postmortem.Storage.LiteDb.Postmortems;

/// <summary>
/// Each postmortem is a small row document in <see cref="LiteDbSchema.Postmortems"/> (what lists and lookups need,
/// and the version) and its <see cref="PostmortemState"/> as JSON in <see cref="LiteDbSchema.PostmortemStates"/>,
/// under the same id. A save is one transaction: one version-checked update of the row
/// (<c>_id = id AND version = expected</c>, which must change exactly one document: LiteDB #2029 warns against
/// read-then-write), the state, the action-item projection and the reminder change queue.
/// </summary>
/// <remarks>
/// Hot path (one answer = load + save): the last state loaded or saved per postmortem is kept by version, so a
/// load whose stored version is unchanged reads only the row, and a save knows the projection it replaces.
/// </remarks>
public sealed class LiteDbPostmortemRepository(LiteDbDatabase database, int cachedPostmortems = 64) : IPostmortemRepository
{
    private readonly LoadedStateCache _cache = new(cachedPostmortems);

    public Task<PostmortemId> CreateAsync(Core.Postmortem draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Id.IsAssigned)
        {
            throw new ArgumentException($"Postmortem {draft.Id} was already created; save it instead.", nameof(draft));
        }

        var state = draft.ToState();
        var rows = ActionItemProjection.RowsOf(draft);
        return database.RunAsync(
            engine =>
            {
                var id = new PostmortemId(LiteDbSchema.NextId(engine, "postmortem"));
                var stored = state with { Id = id, Version = 1 };
                var row = RowDocument(stored);
                row["_id"] = id.Value;
                row["channel"] = stored.ChannelId;
                row["createdAt"] = BsonValues.Instant(stored.CreatedAt);
                engine.Insert(LiteDbSchema.Postmortems, [row], BsonAutoId.Int64);
                engine.Insert(LiteDbSchema.PostmortemStates, [StateDocument(stored)], BsonAutoId.Int64);
                ActionItemDocuments.Write(engine, id, stored.GuildId, stored.UpdatedAt, rows, previous: []);
                return id;
            },
            cancellationToken);
    }

    public Task<Core.Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default)
    {
        var known = _cache.Find(id);
        return database.RunAsync(
            engine => engine.FindById(LiteDbSchema.Postmortems, id.Value) is { } row ? Load(engine, row, known) : null,
            cancellationToken);
    }

    public async Task SaveAsync(PostmortemSave save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        var (postmortem, expectedVersion) = (save.Postmortem, save.ExpectedVersion);
        if (!postmortem.Id.IsAssigned)
        {
            throw new ArgumentException("A postmortem must be created before it is saved.", nameof(save));
        }

        var id = postmortem.Id;
        var state = postmortem.ToState() with { Version = expectedVersion + 1 };
        var rows = ActionItemProjection.RowsOf(postmortem);
        var stateDocument = StateDocument(state);
        var replaced = _cache.Find(id) is { } known && known.Version == expectedVersion ? known.ActionItems : null;
        await database.RunAsync(
            engine =>
            {
                var updated = engine.UpdateMany(
                    LiteDbSchema.Postmortems,
                    ExtendWith(RowDocument(state)),
                    BsonExpression.Create("_id = @0 AND version = @1", id.Value, expectedVersion));
                if (updated != 1)
                {
                    throw new ConcurrencyException(id, expectedVersion);
                }

                engine.Update(LiteDbSchema.PostmortemStates, [stateDocument]);
                ActionItemDocuments.Write(engine, id, state.GuildId, state.UpdatedAt, rows, replaced);
            },
            cancellationToken);

        // Only a committed version may be remembered: a failed commit must not shadow what another writer stores.
        _cache.Remember(new LoadedStateCache.Entry(id, state.Version, state, rows));
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
        var take = Math.Min(limit, StorageLimits.MaxPostmortemList);
        return database.RunAsync<IReadOnlyList<PostmortemSummary>>(
            engine =>
            [
                .. engine.Find(LiteDbSchema.Postmortems, BsonExpression.Create("guild = @0", guildId))
                    .Where(d => folded is null || d["titleFolded"].AsString.Contains(folded, StringComparison.Ordinal))
                    .OrderByDescending(d => d["updatedAt"].AsInt64)
                    .ThenByDescending(d => d["_id"].AsInt64)
                    .Take(take)
                    .Select(d => new PostmortemSummary(
                        new PostmortemId(d["_id"].AsInt64),
                        d["title"].AsString,
                        Enum.Parse<PostmortemStatus>(d["status"].AsString),
                        BsonValues.ToInstant(d["updatedAt"]),
                        BsonValues.ToText(d["thread"]))),
            ],
            cancellationToken);
    }

    public Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return database.RunAsync(
            engine => engine.Find(LiteDbSchema.Postmortems, BsonExpression.Create("thread = @0", threadId))
                .MaxBy(d => d["_id"].AsInt64) is { } row
                ? Load(engine, row, known: null)
                : null,
            cancellationToken);
    }

    /// <summary>The columns a save rewrites (the version becomes the saved state's).</summary>
    private static BsonDocument RowDocument(PostmortemState state) => new()
    {
        ["guild"] = state.GuildId,
        ["thread"] = BsonValues.Text(state.ThreadId),
        ["title"] = state.Title,
        ["titleFolded"] = state.Title.ToLowerInvariant(),
        ["status"] = state.Status.ToString(),
        ["version"] = state.Version,
        ["updatedAt"] = BsonValues.Instant(state.UpdatedAt),
    };

    /// <summary>An update transform that sets every field of <paramref name="fields"/> (a document literal of parameters).</summary>
    private static BsonExpression ExtendWith(BsonDocument fields)
    {
        var names = fields.Keys.ToList();
        var literal = "{ " + string.Join(", ", names.Select((name, i) => $"{name}: @{i}")) + " }";
        return BsonExpression.Create(literal, [.. names.Select(name => fields[name])]);
    }

    private static BsonDocument StateDocument(PostmortemState state) => new()
    {
        ["_id"] = state.Id.Value,
        ["json"] = JsonSerializer.SerializeToUtf8Bytes(state, PostmortemJsonContext.Default.PostmortemState),
    };

    private Core.Postmortem Load(ILiteEngine engine, BsonDocument row, LoadedStateCache.Entry? known)
    {
        var id = new PostmortemId(row["_id"].AsInt64);
        var version = row["version"].AsInt64;
        if (known is not null && known.Version == version)
        {
            return Core.Postmortem.FromState(known.State);
        }

        var stateDocument = engine.FindById(LiteDbSchema.PostmortemStates, id.Value)
            ?? throw Unreadable(id, "its state document is missing", null);
        var postmortem = Parse(id, version, stateDocument["json"].AsBinary);
        _cache.Remember(new LoadedStateCache.Entry(id, version, postmortem.ToState(), ActionItemProjection.RowsOf(postmortem)));
        return postmortem;
    }

    private Core.Postmortem Parse(PostmortemId id, long version, byte[] json)
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
                database.Location,
                $"Postmortem {id} in '{database.Location}' was saved by a newer build (state schema "
                + $"{state.SchemaVersion}, this build reads up to {PostmortemState.CurrentSchemaVersion}).");
        }

        try
        {
            // The row is the truth for identity and version; the JSON copy is informative.
            return Core.Postmortem.FromState(state with { Id = id, Version = version });
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            throw Unreadable(id, exception.Message, exception);
        }
    }

    private StorageException Unreadable(PostmortemId id, string problem, Exception? inner) => new(
        StorageFailure.Corrupt,
        database.Location,
        $"Postmortem {id} in '{database.Location}' cannot be read back: {problem}. Restore the file from a backup.",
        inner);
}
