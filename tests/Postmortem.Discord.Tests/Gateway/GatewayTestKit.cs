using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Postmortem.Discord.Gateway;
using Postmortem.Testing;

namespace Postmortem.Discord.Tests.Gateway;

/// <summary>Collects what a shard publishes so a test can await specific events.</summary>
internal sealed class RecordingSink : IGatewayEventSink
{
    private readonly Channel<GatewayEvent> _events = Channel.CreateUnbounded<GatewayEvent>();

    public ValueTask PublishAsync(GatewayEvent evt, CancellationToken cancellationToken) => _events.Writer.WriteAsync(evt, cancellationToken);

    public async Task<GatewayEvent> NextAsync() =>
        await _events.Reader.ReadAsync().AsTask().WaitAsync(ScriptedGatewayServer.Timeout);

    public async Task<T> NextAsync<T>()
        where T : GatewayEvent
    {
        while (true)
        {
            if (await NextAsync() is T match)
            {
                return match;
            }
        }
    }

    public bool TryRead(out GatewayEvent? evt) => _events.Reader.TryRead(out evt);
}

/// <summary>Keeps every formatted log line (and exception text) so tests can check what was written.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}

internal sealed class RecordingLogger<T> : ILogger<T>
{
    public RecordingLogger Inner { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Inner.Log(logLevel, eventId, state, exception, formatter);
}

/// <summary>A Random whose draws are fixed, for heartbeat jitter and backoff a test can predict.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}

/// <summary>One shard wired to a scripted server, running until the test disposes it.</summary>
internal sealed class ShardHarness : IAsyncDisposable
{
    public const string Token = "test-token.SECRET-value";

    private readonly CancellationTokenSource _stopping = new();

    public ShardHarness(
        ScriptedGatewayServer server,
        double jitter = 0.5,
        int shardId = 0,
        int shardCount = 1,
        Action<GatewayOptions>? configure = null,
        TimeProvider? time = null)
    {
        Options = new DiscordOptions { Token = Token };
        var gateway = new GatewayOptions
        {
            ReconnectDelayMin = TimeSpan.FromMilliseconds(5),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(50),
            InvalidSessionDelayMin = TimeSpan.FromMilliseconds(5),
            InvalidSessionDelayMax = TimeSpan.FromMilliseconds(10),
            CloseTimeout = TimeSpan.FromSeconds(2),
            // The scripted server speaks plain text frames; compression is covered against the emulator.
            TransportCompression = TransportCompression.None,
        };
        configure?.Invoke(gateway);
        time ??= TimeProvider.System;
        Shard = new GatewayShard(
            shardId, shardCount, server.Url, Options, gateway, new IdentifyGate(IdentifyClock, Logger), Sink, time, Logger, new FixedRandom(jitter));
        Run = Shard.RunAsync(_stopping.Token);
    }

    public DiscordOptions Options { get; }

    /// <summary>
    /// The identify gate's own clock: a second identify waits 5 s (Discord's rule) until a test
    /// advances it, instead of the test sleeping.
    /// </summary>
    public FakeTimeProvider IdentifyClock { get; } = new();

    public RecordingSink Sink { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public GatewayShard Shard { get; }

    public Task Run { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Run.WaitAsync(ScriptedGatewayServer.Timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    public Task StopAsync() => _stopping.CancelAsync();
}
