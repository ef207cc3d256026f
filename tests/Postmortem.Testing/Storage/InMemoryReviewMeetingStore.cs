using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IReviewMeetingStore"/>: times and leads to the minute.</summary>
public sealed class InMemoryReviewMeetingStore(InMemoryStorage storage) : IReviewMeetingStore
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
        return storage.RunAsync(
            () =>
            {
                var meeting = new ReviewMeeting(
                    ++storage.LastMeetingId,
                    postmortemId,
                    guildId,
                    new WeeklyTime(at.Day, InMemoryStorage.ToMinute(at.Time)),
                    TimeSpan.FromMinutes((long)lead.TotalMinutes),
                    createdBy,
                    InMemoryStorage.Utc(now));
                storage.Meetings[meeting.Id] = meeting;
                return meeting;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync<IReadOnlyList<ReviewMeeting>>(
            () => [.. storage.Meetings.Values.Where(m => m.EndedAt is null).OrderBy(m => m.Id)],
            cancellationToken);

    public Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(PostmortemId postmortemId, CancellationToken cancellationToken = default) =>
        storage.RunAsync<IReadOnlyList<ReviewMeeting>>(
            () => [.. storage.Meetings.Values.Where(m => m.EndedAt is null && m.PostmortemId == postmortemId).OrderBy(m => m.Id)],
            cancellationToken);

    public Task<ReviewMeeting?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.Meetings.GetValueOrDefault(id), cancellationToken);

    public Task<bool> SetScheduledEventAsync(long id, string? scheduledEventId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(
            () =>
            {
                if (!storage.Meetings.TryGetValue(id, out var meeting))
                {
                    return false;
                }

                storage.Meetings[id] = meeting with { ScheduledEventId = scheduledEventId };
                return true;
            },
            cancellationToken);

    public Task<bool> EndAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        storage.RunAsync(
            () =>
            {
                if (!storage.Meetings.TryGetValue(id, out var meeting) || meeting.EndedAt is not null)
                {
                    return false;
                }

                storage.Meetings[id] = meeting with { EndedAt = InMemoryStorage.Utc(now) };
                return true;
            },
            cancellationToken);
}
