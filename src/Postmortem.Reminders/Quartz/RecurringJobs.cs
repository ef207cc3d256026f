using System.Globalization;
using Postmortem.Reminders.Digest;
using Postmortem.Reminders.Meetings;
using Postmortem.Reminders.Stale;
using Quartz;

namespace Postmortem.Reminders.Quartz;

/// <summary>Fires a guild's weekly digest (job data: the guild id).</summary>
public sealed class WeeklyDigestJob(WeeklyDigestRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (RecurringReminderSchedules.Data(context, ReminderJobKeys.GuildIdData) is { } guildId)
        {
            await runner.RunAsync(guildId, RecurringReminderSchedules.SlotOf(context), cancellationToken);
        }
    }
}

/// <summary>Fires a review meeting's reminder (job data: the meeting id).</summary>
public sealed class MeetingReminderJob(ReviewMeetings meetings) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (long.TryParse(RecurringReminderSchedules.Data(context, ReminderJobKeys.MeetingIdData), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await meetings.RunAsync(id, RecurringReminderSchedules.SlotOf(context), cancellationToken);
        }
    }
}

/// <summary>Fires the daily stale-draft sweep.</summary>
public sealed class StaleSweepJob(StaleDraftSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sweep.RunAsync(RecurringReminderSchedules.SlotOf(context), cancellationToken);
}
