using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Reminders;

/// <summary>Weekly review meetings of postmortems. Meeting times and leads are kept to the minute.</summary>
public interface IReviewMeetingStore
{
    /// <summary>
    /// Adds an active meeting series and returns it with its id: positive, never reused, larger than every id
    /// assigned before. <paramref name="lead"/> must not be negative (else <see cref="ArgumentOutOfRangeException"/>)
    /// and is kept in whole minutes.
    /// </summary>
    Task<ReviewMeeting> AddAsync(
        PostmortemId postmortemId,
        string guildId,
        WeeklyTime at,
        TimeSpan lead,
        string createdBy,
        DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Every meeting series not ended, in every guild, by id.</summary>
    Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>The series of one postmortem not ended, by id.</summary>
    Task<IReadOnlyList<ReviewMeeting>> ListActiveAsync(PostmortemId postmortemId, CancellationToken cancellationToken = default);

    /// <summary>A series, ended or not, or null when the id is unknown.</summary>
    Task<ReviewMeeting?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Remembers (or, with null, forgets) the calendar event of a series, ended or not; false when the id is unknown.
    /// </summary>
    Task<bool> SetScheduledEventAsync(long id, string? scheduledEventId, CancellationToken cancellationToken = default);

    /// <summary>Ends a series at <paramref name="now"/>; false (and the first end stays) when it had already ended or does not exist.</summary>
    Task<bool> EndAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default);
}
