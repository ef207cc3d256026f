using Microsoft.Extensions.Logging;

namespace Postmortem.Storage.Tests.Support;

/// <summary>Records log lines and lets a test react synchronously the moment one is written.</summary>
internal sealed class RecordingLogger<T>(Action<LogLevel, string>? onLog = null) : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        lock (_entries)
        {
            _entries.Add((logLevel, message));
        }

        onLog?.Invoke(logLevel, message);
    }
}
