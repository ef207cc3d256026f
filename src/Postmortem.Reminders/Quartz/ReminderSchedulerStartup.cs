using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Settings;
using Quartz;

namespace Postmortem.Reminders.Quartz;

/// <summary>
/// Rebuilds the in-memory Quartz schedule from the store while the host starts (after it opened, before the
/// scheduler runs): folds pending item changes into the schedule, plans the due scan at the earliest next_at
/// (in the past when reminders fell due while the bot was down: they then go out once, right after start),
/// and recreates the digest, meeting and stale-sweep triggers with their catch-up.
/// </summary>
public sealed partial class ReminderSchedulerStartup(
    GuildReminderSettings settings,
    ReminderScheduleSync sync,
    IReminderScheduleStore schedule,
    IReviewMeetingStore meetings,
    RecurringReminderSchedules recurring,
    IReminderWakeup wakeup,
    ISchedulerFactory schedulers,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderSchedulerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await settings.LoadAsync(cancellationToken);
        var synced = await sync.SyncAsync(cancellationToken);
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var syncTrigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(ReminderJobKeys.SyncTrigger)
            .ForJob(ReminderJobKeys.Sync)
            .StartAt(time.GetUtcNow() + options.Value.SyncInterval)
            .WithSimpleSchedule(s => s.WithInterval(options.Value.SyncInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(syncTrigger, ScheduleJobOptions.Replacing, cancellationToken);

        if (await schedule.EarliestNextAtAsync(cancellationToken) is { } earliest)
        {
            await wakeup.WakeAtAsync(earliest, cancellationToken);
        }

        foreach (var guildId in settings.Stored.Keys)
        {
            await recurring.ScheduleDigestAsync(guildId, cancellationToken);
        }

        var active = await meetings.ListActiveAsync(cancellationToken);
        foreach (var meeting in active)
        {
            await recurring.ScheduleMeetingAsync(meeting, cancellationToken);
        }

        await recurring.ScheduleStaleSweepAsync(options.Value.StaleSweepCron, cancellationToken);
        var scheduled = await schedule.CountAsync(cancellationToken);
        var elapsed = time.GetElapsedTime(started);
        LogRebuilt(logger, synced, scheduled, settings.Stored.Count, active.Count, elapsed.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Reminder schedule rebuilt: {Synced} changed items folded in, {Scheduled} items scheduled, {Guilds} guild settings, {Meetings} review meetings ({Milliseconds:0} ms)")]
    private static partial void LogRebuilt(ILogger logger, int synced, long scheduled, int guilds, int meetings, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders are disabled (Reminders:Enabled = false); the schedule is kept up to date but nothing is sent")]
    private static partial void LogDisabled(ILogger logger);
}
