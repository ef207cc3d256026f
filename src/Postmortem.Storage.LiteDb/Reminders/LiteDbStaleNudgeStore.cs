using LiteDB;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Reminders;

/// <summary>Stale drafts (from the postmortem rows, by the status index) and their nudges, one document per postmortem and period.</summary>
public sealed class LiteDbStaleNudgeStore(LiteDbDatabase database) : IStaleNudgeStore
{
    public Task<IReadOnlyList<StaleDraft>> ListStaleDraftsAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<StaleDraft>>(
            engine =>
            [
                .. engine.Find(LiteDbSchema.Postmortems, BsonExpression.Create("status = @0", nameof(PostmortemStatus.Draft)))
                    .Select(d => new StaleDraft(new PostmortemId(d["_id"].AsInt64), d["guild"].AsString, BsonValues.ToInstant(d["updatedAt"])))
                    .Where(s => s.UpdatedAt < updatedBefore)
                    .Where(s => engine.FindById(LiteDbSchema.StaleNudges, Id(s.PostmortemId, s.UpdatedAt)) is null)
                    .OrderBy(s => s.UpdatedAt.UtcTicks).ThenBy(s => s.PostmortemId.Value),
            ],
            cancellationToken);

    public Task<bool> RecordStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        var document = new BsonDocument
        {
            ["_id"] = Id(postmortemId, activityAt),
            ["pm"] = postmortemId.Value,
            ["activityAt"] = BsonValues.Instant(activityAt),
            ["sentAt"] = BsonValues.Instant(sentAt),
        };
        return database.RunAsync(engine => engine.InsertIfMissing(LiteDbSchema.StaleNudges, document), cancellationToken);
    }

    public Task<bool> HasStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(engine => engine.FindById(LiteDbSchema.StaleNudges, Id(postmortemId, activityAt)) is not null, cancellationToken);

    private static string Id(PostmortemId postmortemId, DateTimeOffset activityAt) =>
        BsonValues.Fixed(postmortemId.Value) + "/" + BsonValues.Fixed(activityAt.UtcTicks);
}
