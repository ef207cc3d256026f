using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Postmortem.Core.Reminders;

namespace Postmortem.Reminders.Scheduling;

/// <summary>
/// The bounded queue between the due scan and the delivery workers. An item is in the queue or being delivered
/// at most once: a scan that runs again before the workers caught up skips what is already in flight.
/// </summary>
public sealed class ReminderQueue
{
    private readonly Channel<ReminderScheduleRow> _channel;
    private readonly ConcurrentDictionary<ReminderKey, byte> _inFlight = new();

    public ReminderQueue(IOptions<ReminderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<ReminderScheduleRow>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = true,
        });
    }

    /// <summary>Items queued or being delivered.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Queues a due row, waiting while the queue is full; false when the item is already in flight.</summary>
    public async ValueTask<bool> EnqueueAsync(ReminderScheduleRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!_inFlight.TryAdd(row.Key, 0))
        {
            return false;
        }

        try
        {
            await _channel.Writer.WriteAsync(row, cancellationToken);
            return true;
        }
        catch
        {
            _inFlight.TryRemove(row.Key, out _);
            throw;
        }
    }

    public bool TryDequeue(out ReminderScheduleRow row) => _channel.Reader.TryRead(out row!);

    public IAsyncEnumerable<ReminderScheduleRow> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Called once a dequeued row was handled, whatever the outcome.</summary>
    public void Complete(ReminderKey key) => _inFlight.TryRemove(key, out _);
}
