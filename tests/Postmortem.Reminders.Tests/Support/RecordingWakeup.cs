using Postmortem.Reminders.Scheduling;

namespace Postmortem.Reminders.Tests.Support;

/// <summary>Remembers the earliest wake-up asked for, like the Quartz trigger does.</summary>
internal sealed class RecordingWakeup : IReminderWakeup
{
    public DateTimeOffset? Earliest { get; private set; }

    public Task WakeAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (Earliest is null || at < Earliest)
        {
            Earliest = at;
        }

        return Task.CompletedTask;
    }

    public void Reset() => Earliest = null;
}
