using Microsoft.Extensions.Logging;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>Keeps every log entry (all levels enabled) so tests can check what would reach the operator.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Text)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Text)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Everything logged, messages and exceptions, as one text.</summary>
    public string AllText => string.Join(Environment.NewLine, Entries.Select(e => e.Text));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception) + (exception is null ? "" : " " + exception);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            text += " " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
        }

        lock (_gate)
        {
            _entries.Add((logLevel, text));
        }
    }
}
