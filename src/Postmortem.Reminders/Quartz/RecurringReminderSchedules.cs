using System.Globalization;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Settings;
using Quartz;

namespace Postmortem.Reminders.Quartz;

/// <summary>
/// The cron triggers of the recurring reminders (weekly digests per guild, review meetings per postmortem, the
/// daily stale sweep) in the guild's time zone, and their catch-up. The in-memory store forgets what fired
/// before a restart, so when a trigger is (re)created the latest slot at or before now is compared with
/// <c>scheduled_runs</c>: a slot missed while the bot was down fires once, now. The first time a schedule is
/// seen only a baseline is recorded (slots before it existed are not owed).
/// </summary>
public sealed class RecurringReminderSchedules(
    ISchedulerFactory schedulers,
    IScheduledRunStore runs,
    GuildReminderSettings settings,
    TimeProvider time)
{
    private static string[] DayNames { get; } = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>"0 30 9 ? * MON": Quartz cron (seconds first) for a weekly time.</summary>
    public static string WeeklyCron(WeeklyTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"0 {at.Time.Minute} {at.Time.Hour} ? * {DayNames[(int)at.Day]}");

    /// <summary>A guild's digest trigger; removed when the guild has no reminder channel.</summary>
    public async Task ScheduleDigestAsync(string guildId, CancellationToken cancellationToken = default)
    {
        var rules = settings.For(guildId);
        var key = ReminderJobKeys.DigestTrigger(guildId);
        if (rules.ReminderChannelId is null)
        {
            await UnscheduleAsync(key, cancellationToken);
            return;
        }

        var data = new JobDataMap { [ReminderJobKeys.GuildIdData] = guildId };
        await ScheduleCronAsync(
            key,
            ReminderJobKeys.WeeklyDigest,
            WeeklyCron(new WeeklyTime(rules.DigestDay, rules.DigestTime)),
            rules.TimeZone,
            data,
            ReminderJobKeys.DigestRunKey(guildId),
            stillUseful: null,
            cancellationToken);
    }

    /// <summary>A meeting's reminder trigger, <see cref="ReviewMeeting.Lead"/> before each meeting.</summary>
    public Task ScheduleMeetingAsync(ReviewMeeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var zone = settings.For(meeting.GuildId).TimeZone;
        var data = new JobDataMap { [ReminderJobKeys.MeetingIdData] = meeting.Id.ToString(CultureInfo.InvariantCulture) };
        return ScheduleCronAsync(
            ReminderJobKeys.MeetingTrigger(meeting.Id),
            ReminderJobKeys.MeetingReminder,
            WeeklyCron(meeting.At.Minus(meeting.Lead)),
            zone,
            data,
            ReminderJobKeys.MeetingRunKey(meeting.Id),
            // A reminder for a meeting that already started is no use.
            stillUseful: slot => meeting.At.NextAfter(slot, zone) > time.GetUtcNow(),
            cancellationToken);
    }

    public Task UnscheduleMeetingAsync(long meetingId, CancellationToken cancellationToken = default) =>
        UnscheduleAsync(ReminderJobKeys.MeetingTrigger(meetingId), cancellationToken);

    /// <summary>The daily stale-draft sweep (<see cref="ReminderOptions.StaleSweepCron"/>, UTC).</summary>
    public Task ScheduleStaleSweepAsync(string cron, CancellationToken cancellationToken = default) =>
        ScheduleCronAsync(
            ReminderJobKeys.StaleSweepTrigger,
            ReminderJobKeys.StaleSweep,
            cron,
            TimeZoneInfo.Utc,
            [],
            ReminderJobKeys.StaleRunKey,
            stillUseful: null,
            cancellationToken);

    /// <summary>The latest slot of a cron expression at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset? LatestSlot(string cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        var expression = new CronExpression(cron).WithTimeZone(zone);
        // GetPreviousValidTimeBefore is strict; one tick later includes a slot exactly at 'now'.
        var slot = expression.GetPreviousValidTimeBefore(now.AddTicks(1));
        return slot > now ? expression.GetPreviousValidTimeBefore(slot.Value) : slot;
    }

    private async Task ScheduleCronAsync(
        TriggerKey key,
        JobKey job,
        string cron,
        TimeZoneInfo zone,
        JobDataMap data,
        string runKey,
        Func<DateTimeOffset, bool>? stillUseful,
        CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(key)
            .ForJob(job)
            .UsingJobData(data)
            .WithCronSchedule(cron, b => b.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);

        var now = time.GetUtcNow();
        if (LatestSlot(cron, zone, now) is not { } slot)
        {
            return;
        }

        var latestRun = await runs.LatestSlotAsync(runKey, cancellationToken);
        if (latestRun is null)
        {
            await runs.RecordAsync(runKey, slot, now, cancellationToken);
            return;
        }

        if (latestRun >= slot)
        {
            return;
        }

        if (stillUseful is not null && !stillUseful(slot))
        {
            await runs.RecordAsync(runKey, slot, now, cancellationToken);
            return;
        }

        var catchUp = new JobDataMap(data) { [ReminderJobKeys.SlotData] = slot.UtcTicks.ToString(CultureInfo.InvariantCulture) };
        await scheduler.TriggerJob(job, catchUp, cancellationToken);
    }

    private async Task UnscheduleAsync(TriggerKey key, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(key, cancellationToken);
    }

    /// <summary>The slot a run is for: the catch-up slot in the data, else the trigger's scheduled fire time.</summary>
    public static DateTimeOffset SlotOf(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MergedJobDataMap.TryGetValue(ReminderJobKeys.SlotData, out var value)
            && long.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        return context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
    }

    /// <summary>A string entry of the job data (ids only).</summary>
    public static string? Data(IJobExecutionContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.MergedJobDataMap.TryGetValue(key, out var value) ? value as string : null;
    }
}
