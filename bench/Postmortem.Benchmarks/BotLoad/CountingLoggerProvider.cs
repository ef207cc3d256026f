using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>Counts the bot's warnings and errors and keeps the first few, instead of printing each one.</summary>
internal sealed class CountingLoggerProvider : ILoggerProvider
{
    private const int Kept = 5;
    private readonly ConcurrentQueue<string> _first = new();
    private int _warnings;
    private int _errors;

    public int Warnings => _warnings;

    public int Errors => _errors;

    public IReadOnlyList<string> First => [.. _first];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        // Nothing to release; the counts stay readable after the host is gone.
    }

    private void Record<TState>(string category, LogLevel level, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _ = Interlocked.Increment(ref level >= LogLevel.Error ? ref _errors : ref _warnings);
        if (_first.Count < Kept)
        {
            _first.Enqueue($"{level} {category}: {formatter(state, exception)}{(exception is null ? "" : " (" + exception.GetType().Name + ")")}");
        }
    }

    private sealed class Logger(CountingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Record(category, logLevel, state, exception, formatter);
            }
        }
    }
}
