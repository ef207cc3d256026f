using LiteDB;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Reminders;

/// <summary>Runs of recurring jobs in <see cref="LiteDbSchema.ScheduledRuns"/>, one document per job and slot (the id holds both).</summary>
public sealed class LiteDbScheduledRunStore(LiteDbDatabase database) : IScheduledRunStore
{
    public Task<bool> HasRunAsync(string jobKey, DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobKey);
        return database.RunAsync(engine => engine.FindById(LiteDbSchema.ScheduledRuns, Id(jobKey, slot)) is not null, cancellationToken);
    }

    public Task<bool> RecordAsync(string jobKey, DateTimeOffset slot, DateTimeOffset ranAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobKey);
        var document = new BsonDocument
        {
            ["_id"] = Id(jobKey, slot),
            ["job"] = jobKey,
            ["slot"] = BsonValues.Instant(slot),
            ["ranAt"] = BsonValues.Instant(ranAt),
        };
        return database.RunAsync(engine => engine.InsertIfMissing(LiteDbSchema.ScheduledRuns, document), cancellationToken);
    }

    public Task<DateTimeOffset?> LatestSlotAsync(string jobKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobKey);
        return database.RunAsync(
            engine => engine.Find(LiteDbSchema.ScheduledRuns, BsonExpression.Create("job = @0", jobKey))
                .Select(d => (DateTimeOffset?)BsonValues.ToInstant(d["slot"]))
                .Max(),
            cancellationToken);
    }

    // The slot first (fixed width), so a job key may contain any character without two ids colliding.
    private static string Id(string jobKey, DateTimeOffset slot) => BsonValues.Fixed(slot.UtcTicks) + "/" + jobKey;
}
