using LiteDB;
using Postmortem.Core.Chat;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Chat;

/// <summary>Known DM channels, one document per user id.</summary>
public sealed class LiteDbDmChannelStore(LiteDbDatabase database) : IDmChannelStore
{
    public Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyDictionary<string, string>>(
            engine => engine.Find(LiteDbSchema.DmChannels).ToDictionary(d => d["_id"].AsString, d => d["channel"].AsString, StringComparer.Ordinal),
            cancellationToken);

    public Task SaveAsync(string userId, string channelId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        var document = new BsonDocument { ["_id"] = userId, ["channel"] = channelId, ["updatedAt"] = BsonValues.Instant(now) };
        return database.RunAsync(engine => engine.Upsert(LiteDbSchema.DmChannels, document), cancellationToken);
    }

    public Task ForgetAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return database.RunAsync(engine => engine.Delete(LiteDbSchema.DmChannels, [new BsonValue(userId)]), cancellationToken);
    }
}
