using LiteDB;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Reminders;

/// <summary>Review meeting series in <see cref="LiteDbSchema.ReviewMeetings"/>; ids come from a counter, never reused.</summary>
public sealed class LiteDbReviewMeetingStore(LiteDbDatabase database) : IReviewMeetingStore
{
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
            engine =>
            {
                var meeting = new ReviewMeeting(
                    LiteDbSchema.NextId(engine, "meeting"),
                    postmortemId,
                    guildId,
                    new WeeklyTime(at.Day, LiteDbReminderSettingsStore.FromMinutes(LiteDbReminderSettingsStore.Minutes(at.Time))),
                    TimeSpan.FromMinutes((long)lead.TotalMinutes),
                    createdBy,
                    now.ToUniversalTime());
                engine.Insert(LiteDbSchema.ReviewMeetings, [ToDocument(meeting)], BsonAutoId.Int64);
                return meeting;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ReviewMeeting>>(
            engine => [.. engine.Find(LiteDbSchema.ReviewMeetings).Select(ToMeeting).Where(m => m.EndedAt is null).OrderBy(m => m.Id)],
            cancellationToken);

    public Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(PostmortemId postmortemId, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ReviewMeeting>>(
            engine =>
            [
                .. engine.Find(LiteDbSchema.ReviewMeetings, BsonExpression.Create("pm = @0", postmortemId.Value))
                    .Select(ToMeeting).Where(m => m.EndedAt is null).OrderBy(m => m.Id),
            ],
            cancellationToken);

    public Task<ReviewMeeting?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        database.RunAsync(engine => engine.FindById(LiteDbSchema.ReviewMeetings, id) is { } document ? ToMeeting(document) : null, cancellationToken);

    public Task<bool> SetScheduledEventAsync(long id, string? scheduledEventId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            engine =>
            {
                if (engine.FindById(LiteDbSchema.ReviewMeetings, id) is not { } document)
                {
                    return false;
                }

                document["event"] = scheduledEventId is null ? BsonValue.Null : new BsonValue(scheduledEventId);
                engine.Update(LiteDbSchema.ReviewMeetings, [document]);
                return true;
            },
            cancellationToken);

    public Task<bool> EndAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            engine =>
            {
                if (engine.FindById(LiteDbSchema.ReviewMeetings, id) is not { } document || !document["endedAt"].IsNull)
                {
                    return false;
                }

                document["endedAt"] = BsonValues.Instant(now);
                engine.Update(LiteDbSchema.ReviewMeetings, [document]);
                return true;
            },
            cancellationToken);

    private static BsonDocument ToDocument(ReviewMeeting meeting) => new()
    {
        ["_id"] = meeting.Id,
        ["pm"] = meeting.PostmortemId.Value,
        ["guild"] = meeting.GuildId,
        ["day"] = (int)meeting.At.Day,
        ["time"] = LiteDbReminderSettingsStore.Minutes(meeting.At.Time),
        ["leadMinutes"] = (long)meeting.Lead.TotalMinutes,
        ["createdBy"] = meeting.CreatedBy,
        ["createdAt"] = BsonValues.Instant(meeting.CreatedAt),
        ["endedAt"] = BsonValues.Instant(meeting.EndedAt),
        ["event"] = meeting.ScheduledEventId is null ? BsonValue.Null : new BsonValue(meeting.ScheduledEventId),
    };

    private static ReviewMeeting ToMeeting(BsonDocument document) => new(
        document["_id"].AsInt64,
        new PostmortemId(document["pm"].AsInt64),
        document["guild"].AsString,
        new WeeklyTime((DayOfWeek)document["day"].AsInt32, LiteDbReminderSettingsStore.FromMinutes(document["time"].AsInt32)),
        TimeSpan.FromMinutes(document["leadMinutes"].AsInt64),
        document["createdBy"].AsString,
        BsonValues.ToInstant(document["createdAt"]),
        BsonValues.ToNullableInstant(document["endedAt"]),
        document["event"].IsString ? document["event"].AsString : null);
}
