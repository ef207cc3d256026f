using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Tests.Integration.Support;

/// <summary>
/// A gateway event handler that keeps everything it is given, so a test can count what the bot saw and
/// await a condition (re-checked on every event, no polling).
/// </summary>
internal sealed class EventRecorder : IGatewayEventHandler
{
    private readonly Lock _gate = new();
    private readonly List<GatewayEvent> _events = [];
    private readonly List<(Func<IReadOnlyList<GatewayEvent>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<GatewayEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<T> OfType<T>()
        where T : GatewayEvent => [.. Events.OfType<T>()];

    public ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(evt);
            foreach (var waiter in _waiters.Where(w => w.Condition(_events)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Completes once <paramref name="condition"/> holds for the events seen so far.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<GatewayEvent>, bool> condition, string description, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_events))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout ?? LiveDiscord.Timeout);
        }
        catch (TimeoutException)
        {
            var seen = string.Join(", ", Events.Select(e => $"{e.GetType().Name}@{e.ShardId}"));
            throw new TimeoutException($"The handler never saw {description}. It saw: {seen}");
        }
    }

    /// <summary>The first event of type <typeparamref name="T"/> (already seen or still to come) that matches.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, string? description = null)
        where T : GatewayEvent
    {
        match ??= _ => true;
        await WaitUntilAsync(events => events.OfType<T>().Any(match), description ?? typeof(T).Name);
        return OfType<T>().First(match);
    }
}
