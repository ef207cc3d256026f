using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Reminders;

/// <summary>
/// A weekly review meeting of a postmortem at <see cref="At"/> in the guild's time zone; its thread is reminded
/// <see cref="Lead"/> before each one. <see cref="EndedAt"/> is set once the postmortem is final or it was cancelled.
/// <see cref="ScheduledEventId"/> is the chat calendar's event for the series (Discord's guild scheduled event), if one was made.
/// </summary>
public sealed record ReviewMeeting(
    long Id,
    PostmortemId PostmortemId,
    string GuildId,
    WeeklyTime At,
    TimeSpan Lead,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt = null,
    string? ScheduledEventId = null);
