namespace Postmortem.Discord.Emulator;

/// <summary>
/// Lets tests wait for "something became true" without sleeping: every state change completes the current
/// task and starts a new one, and waiters re-check their condition each time.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSource();

    /// <summary>Completes on the next <see cref="Notify"/>.</summary>
    public Task Next
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public void Notify()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _changed;
            _changed = NewSource();
        }

        fired.TrySetResult();
    }

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                if (condition())
                {
                    return;
                }

                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {describe()}.");
            }
        }
    }

    public async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> describe)
        where T : class
    {
        T? found = null;
        await WaitUntilAsync(() => (found = probe()) is not null, timeout, describe);
        return found!;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
