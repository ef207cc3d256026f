using Postmortem.Discord.Gateway;

namespace Postmortem.Benchmarks.DiscordClient;

/// <summary>Completes when the first event of a kind arrives (READY, a guild), so a bench waits without polling.</summary>
internal sealed class FirstEvent<T>(Func<T, bool>? match = null) : IGatewayEventHandler
    where T : GatewayEvent
{
    private readonly TaskCompletionSource<T> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Seen => _seen.Task;

    public ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        if (evt is T typed && (match?.Invoke(typed) ?? true))
        {
            _seen.TrySetResult(typed);
        }

        return ValueTask.CompletedTask;
    }
}
