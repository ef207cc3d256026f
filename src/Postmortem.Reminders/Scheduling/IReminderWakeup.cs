namespace Postmortem.Reminders.Scheduling;

/// <summary>Makes the due-reminder scan run no later than a given instant (the Quartz trigger in production).</summary>
public interface IReminderWakeup
{
    /// <summary>Moves the next scan earlier to <paramref name="at"/> if it is currently later (or not planned).</summary>
    Task WakeAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default);
}
