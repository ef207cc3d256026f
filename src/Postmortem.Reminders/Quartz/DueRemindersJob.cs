using Postmortem.Reminders.Scheduling;
using Quartz;

namespace Postmortem.Reminders.Quartz;

/// <summary>The due-reminder scan (never two at once); the logic is <see cref="ReminderDispatcher"/>.</summary>
public sealed class DueRemindersJob(ReminderDispatcher dispatcher, IReminderWakeup wakeup, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await dispatcher.RunDueAsync(time.GetUtcNow(), cancellationToken);
        if (run.NextAt is { } next)
        {
            await wakeup.WakeAtAsync(next, cancellationToken);
        }
    }
}
