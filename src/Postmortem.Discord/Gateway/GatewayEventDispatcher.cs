using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Snowflake = Postmortem.Discord.Models.Snowflake;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// Hands gateway events to every <see cref="IGatewayEventHandler"/> without ever holding up a
/// socket's read loop. Events of one channel (messages, thread and channel changes) share an ordered
/// queue, so a thread's messages are handled in order; interactions, which Discord wants answered
/// within 3 s, each run on their own and never queue behind slow work.
/// </summary>
public sealed class GatewayEventDispatcher : IGatewayEventSink, IAsyncDisposable
{
    private readonly IGatewayEventHandler[] _handlers;
    private readonly ILogger _logger;
    private readonly Channel<GatewayEvent>[] _queues;
    private readonly Task[] _consumers;
    private readonly HashSet<Task> _inFlight = [];
    private readonly CancellationTokenSource _stopping = new();

    public GatewayEventDispatcher(
        IEnumerable<IGatewayEventHandler> handlers, IOptions<GatewayOptions> options, ILogger<GatewayEventDispatcher> logger)
    {
        _handlers = [.. handlers];
        _logger = logger;
        var settings = options.Value;
        // Wait when full: a bounded queue applies back-pressure instead of growing without limit or dropping events.
        _queues = [.. Enumerable.Range(0, Math.Max(1, settings.EventConsumers)).Select(_ => Channel.CreateBounded<GatewayEvent>(
            new BoundedChannelOptions(Math.Max(1, settings.EventQueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];
        _consumers = [.. _queues.Select(q => Task.Run(() => ConsumeAsync(q.Reader)))];
    }

    ValueTask IGatewayEventSink.PublishAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        if (evt is InteractionCreateEvent)
        {
            RunDetached(evt);
            return ValueTask.CompletedTask;
        }

        return EnqueueAsync(_queues[QueueOf(evt)].Writer, evt, cancellationToken);
    }

    /// <summary>Lets queued and running handlers finish; cancels them when <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }

        Task[] running;
        lock (_inFlight)
        {
            running = [.. _consumers, .. _inFlight];
        }

        using var cancel = cancellationToken.Register(_stopping.Cancel);
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    // Events about one channel (a thread is a channel, its messages carry its id) map to one queue.
    private int QueueOf(GatewayEvent evt)
    {
        var key = evt switch
        {
            MessageCreateEvent e => e.Message.ChannelId,
            MessageUpdateEvent e => e.Message.ChannelId,
            MessageDeleteEvent e => e.Message.ChannelId,
            ThreadCreateEvent e => e.Thread.Id,
            ThreadUpdateEvent e => e.Thread.Id,
            ThreadDeleteEvent e => e.Thread.Id,
            ChannelCreateEvent e => e.Channel.Id,
            ChannelUpdateEvent e => e.Channel.Id,
            ChannelDeleteEvent e => e.Channel.Id,
            GuildCreateEvent e => e.Guild.Id,
            _ => default(Snowflake),
        };
        // The low bits of a snowflake are a per-process counter; mixing in the timestamp spreads keys evenly.
        return (int)((key.Value ^ (key.Value >> 22)) % (ulong)_queues.Length);
    }

    private static async ValueTask EnqueueAsync(ChannelWriter<GatewayEvent> queue, GatewayEvent evt, CancellationToken cancellationToken)
    {
        try
        {
            await queue.WriteAsync(evt, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Stopped: like anything Discord sends after shutdown, the event goes unhandled.
        }
    }

    private void RunDetached(GatewayEvent evt)
    {
        var task = Task.Run(() => InvokeHandlersAsync(evt));
        lock (_inFlight)
        {
            _inFlight.Add(task);
        }

        _ = task.ContinueWith(
            finished =>
            {
                lock (_inFlight)
                {
                    _inFlight.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task ConsumeAsync(ChannelReader<GatewayEvent> reader)
    {
        await foreach (var evt in reader.ReadAllAsync())
        {
            await InvokeHandlersAsync(evt);
        }
    }

    private async Task InvokeHandlersAsync(GatewayEvent evt)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                await handler.HandleAsync(evt, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A handler's failure must never reach the gateway connection; it is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                GatewayLog.HandlerFailed(_logger, ex, handler.GetType().Name, evt.GetType().Name);
            }
        }
    }
}
