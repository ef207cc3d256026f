using System.Threading.Channels;

namespace Postmortem.Terminal.Tests;

/// <summary>
/// Input a test feeds line by line while a session runs, so two sessions can be interleaved deterministically
/// (no sleeps): <see cref="WaitForReadAsync"/> completes when the session asks for a given line.
/// </summary>
public sealed class GatedReader : TextReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Lock _gate = new();
    private readonly Dictionary<int, TaskCompletionSource> _waiters = [];
    private int _reads;

    public void Feed(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            _lines.Writer.TryWrite(line);
        }
    }

    public void Complete() => _lines.Writer.TryComplete();

    /// <summary>Completes once the session has started reading line <paramref name="lineNumber"/> (1-based).</summary>
    public Task WaitForReadAsync(int lineNumber)
    {
        lock (_gate)
        {
            if (_reads >= lineNumber)
            {
                return Task.CompletedTask;
            }

            if (!_waiters.TryGetValue(lineNumber, out var waiter))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[lineNumber] = waiter;
            }

            return waiter.Task;
        }
    }

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _reads++;
            if (_waiters.Remove(_reads, out var waiter))
            {
                waiter.SetResult();
            }
        }

        return await _lines.Reader.WaitToReadAsync(cancellationToken) && _lines.Reader.TryRead(out var line) ? line : null;
    }

    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
