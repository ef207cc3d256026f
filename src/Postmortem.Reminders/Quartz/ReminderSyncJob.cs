using Postmortem.Core.Reminders;
using Postmortem.Reminders.Scheduling;
using Quartz;

namespace Postmortem.Reminders.Quartz;

/// <summary>
/// Every <see cref="ReminderOptions.SyncInterval"/>: folds changed action items into the schedule and makes sure
/// the scan is planned for the earliest row (a safety net should a wake-up have been lost).
/// </summary>
public sealed class ReminderSyncJob(ReminderScheduleSync sync, IReminderScheduleStore store, IReminderWakeup wakeup) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await sync.SyncAsync(cancellationToken);
        if (await store.EarliestNextAtAsync(cancellationToken) is { } earliest)
        {
            await wakeup.WakeAtAsync(earliest, cancellationToken);
        }
    }
}
