using Microsoft.Extensions.Options;
using Postmortem.Reminders.Scheduling;
using Quartz;

namespace Postmortem.Reminders.Quartz;

/// <summary>
/// Keeps the one trigger of <see cref="DueRemindersJob"/> at the earliest instant anything asked for: a one-shot
/// trigger that is only ever moved earlier. Firing consumes it; the run and the deliveries then ask for the
/// next instant (the earliest next_at still ahead), so 100,000 items cost one trigger, not 100,000.
/// </summary>
public sealed class DueReminderTrigger(ISchedulerFactory schedulers, IOptions<ReminderOptions> options) : IReminderWakeup, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WakeAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            if (scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
            {
                return;
            }

            var existing = await scheduler.GetTrigger(ReminderJobKeys.DueRemindersTrigger, cancellationToken);
            if (existing?.NextFireTimeUtc is { } planned && planned <= at)
            {
                return;
            }

            var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
                .WithIdentity(ReminderJobKeys.DueRemindersTrigger)
                .ForJob(ReminderJobKeys.DueReminders)
                .StartAt(at)
                // A wake-up missed while the scheduler was busy still fires, once.
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            if (existing is null)
            {
                await scheduler.ScheduleJob(trigger, default, cancellationToken);
            }
            else
            {
                await scheduler.RescheduleJob(existing.Key, trigger, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>When the scan runs next, or null when nothing is planned.</summary>
    public async Task<DateTimeOffset?> PlannedAtAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(ReminderJobKeys.DueRemindersTrigger, cancellationToken);
        return trigger?.NextFireTimeUtc;
    }
}
