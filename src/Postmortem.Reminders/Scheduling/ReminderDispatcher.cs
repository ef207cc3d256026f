using Microsoft.Extensions.Options;
using Postmortem.Core.Reminders;

namespace Postmortem.Reminders.Scheduling;

/// <summary>What one due scan did.</summary>
public sealed record DueRun(int Enqueued, DateTimeOffset? NextAt);

/// <summary>
/// The work of the due-reminder job: fold in changed items, then page through every row whose next_at has
/// come and queue it for delivery. Returns the earliest next_at still in the future, where the job's trigger
/// goes next. Rows stay due until their delivery is recorded, so a crash loses nothing.
/// </summary>
public sealed class ReminderDispatcher(
    IReminderScheduleStore store,
    ReminderScheduleSync sync,
    ReminderQueue queue,
    IOptions<ReminderOptions> options)
{
    public async Task<DueRun> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await sync.SyncAsync(cancellationToken);
        var pageSize = options.Value.PageSize;
        var enqueued = 0;
        ReminderScheduleRow? last = null;
        while (true)
        {
            var page = await store.ListDueAsync(now, last, pageSize, cancellationToken);
            foreach (var row in page)
            {
                if (await queue.EnqueueAsync(row, cancellationToken))
                {
                    enqueued++;
                }
            }

            if (page.Count < pageSize)
            {
                break;
            }

            last = page[^1];
        }

        return new DueRun(enqueued, await store.EarliestNextAtAfterAsync(now, cancellationToken));
    }
}
