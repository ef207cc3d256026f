namespace Postmortem.Core.Reminders;

/// <summary>
/// Runs of recurring reminder jobs, one per job key and slot: a digest, a meeting agenda or the stale sweep goes
/// out once per slot, across restarts. Slots are compared as instants, to the tick.
/// </summary>
public interface IScheduledRunStore
{
    /// <summary>Whether a run of <paramref name="jobKey"/> for <paramref name="slot"/> was recorded.</summary>
    Task<bool> HasRunAsync(string jobKey, DateTimeOffset slot, CancellationToken cancellationToken = default);

    /// <summary>Records a run; false (and the first record stays) when that job and slot were already recorded.</summary>
    Task<bool> RecordAsync(string jobKey, DateTimeOffset slot, DateTimeOffset ranAt, CancellationToken cancellationToken = default);

    /// <summary>The latest slot recorded for a job (UTC), or null when it never ran.</summary>
    Task<DateTimeOffset?> LatestSlotAsync(string jobKey, CancellationToken cancellationToken = default);
}
