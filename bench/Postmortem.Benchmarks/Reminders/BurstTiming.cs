using System.Collections.Concurrent;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Quartz;
using Quartz;
using Quartz.Extensibility;

namespace Postmortem.Benchmarks.Reminders;

/// <summary>Records, relative to the burst slot, when the due scan fired and when each reminder was picked up and sent.</summary>
internal sealed class BurstTiming(DateTimeOffset slot) : IJobListener
{
    private readonly ConcurrentQueue<TimeSpan> _started = new();
    private readonly ConcurrentQueue<TimeSpan> _sent = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private int _expected = int.MaxValue;

    public string Name => "burst-timing";

    public TimeSpan ScanLateness { get; private set; } = TimeSpan.MinValue;

    public IReadOnlyCollection<TimeSpan> Started => _started;

    public IReadOnlyCollection<TimeSpan> Sent => _sent;

    public void SendStarted() => _started.Enqueue(DateTimeOffset.UtcNow - slot);

    public void SendFinished()
    {
        _sent.Enqueue(DateTimeOffset.UtcNow - slot);
        if (Interlocked.Increment(ref _count) >= Volatile.Read(ref _expected))
        {
            _done.TrySetResult();
        }
    }

    public async Task WaitForAsync(int expected, TimeSpan timeout)
    {
        Volatile.Write(ref _expected, expected);
        if (Volatile.Read(ref _count) >= expected)
        {
            return;
        }

        try
        {
            await _done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"Timed out with {_count} of {expected} reminders sent.");
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.JobDetail.Key.Equals(ReminderJobKeys.DueReminders) && context.ScheduledFireTimeUtc == slot && ScanLateness == TimeSpan.MinValue)
        {
            ScanLateness = context.FireTimeUtc - slot;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}

/// <summary>The real sender, timed.</summary>
internal sealed class TimedSender(IReminderSender inner, BurstTiming timing) : IReminderSender
{
    public async Task<SendOutcome> SendReminderAsync(ReminderMessage message, CancellationToken cancellationToken = default)
    {
        timing.SendStarted();
        var outcome = await inner.SendReminderAsync(message, cancellationToken);
        timing.SendFinished();
        return outcome;
    }

    public Task<SendOutcome> PostAsync(ChannelPost post, CancellationToken cancellationToken = default) => inner.PostAsync(post, cancellationToken);
}
