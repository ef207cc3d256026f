using System.Net.WebSockets;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// One gateway connection for one shard, kept alive across drops: identifies, resumes after any
/// interruption Discord allows to resume, re-identifies when the session is gone, and stops with a
/// <see cref="GatewayFatalException"/> when only the operator can fix the problem.
/// </summary>
public sealed partial class GatewayShard
{
    private const long NoSequence = -1;

    private readonly Uri _gatewayUrl;
    private readonly DiscordOptions _options;
    private readonly GatewayOptions _gateway;
    private readonly IdentifyGate _identifyGate;
    private readonly IGatewayEventSink _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly ReconnectBackoff _backoff;
    private readonly TaskCompletionSource _identified = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile GatewaySession? _session;
    private volatile Connection? _connection;
    private long _sequence = NoSequence;
    private long _latencyTicks = -1;
    private int _running;

    internal GatewayShard(
        int shardId,
        int shardCount,
        Uri gatewayUrl,
        DiscordOptions options,
        GatewayOptions gateway,
        IdentifyGate identifyGate,
        IGatewayEventSink events,
        TimeProvider time,
        ILogger logger,
        Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shardId, shardCount);
        ShardId = shardId;
        ShardCount = shardCount;
        _gatewayUrl = gatewayUrl;
        _options = options;
        _gateway = gateway;
        _identifyGate = identifyGate;
        _events = events;
        _time = time;
        _logger = logger;
        _random = random ?? Random.Shared;
        _backoff = new ReconnectBackoff(gateway.ReconnectDelayMin, gateway.ReconnectDelayMax, _random);
    }

    public int ShardId { get; }

    public int ShardCount { get; }

    /// <summary>The current session, null before READY or after Discord invalidated it.</summary>
    public string? SessionId => _session?.Id;

    /// <summary>The last dispatch sequence number handled in this session.</summary>
    public long? Sequence => Interlocked.Read(ref _sequence) is var s && s == NoSequence ? null : s;

    /// <summary>Round trip of the last acknowledged heartbeat.</summary>
    public TimeSpan? Latency => Interlocked.Read(ref _latencyTicks) is var t && t < 0 ? null : TimeSpan.FromTicks(t);

    /// <summary>
    /// Sends a gateway command such as op 3 Presence Update on the current session, within the
    /// connection's rate limit. Identify, Resume and Heartbeat are the shard's own business.
    /// </summary>
    /// <exception cref="ArgumentException">The payload exceeds Discord's 4096 bytes; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The shard has no ready session at the moment.</exception>
    public async ValueTask SendAsync<T>(GatewayOpcode opcode, T data, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (opcode is GatewayOpcode.Identify or GatewayOpcode.Resume or GatewayOpcode.Heartbeat)
        {
            throw new ArgumentException($"The shard sends {opcode} itself.", nameof(opcode));
        }

        var payload = GatewayPayload.Create(opcode, data, typeInfo);
        var connection = _connection;
        if (connection is not { Healthy: true, End: null })
        {
            throw new InvalidOperationException($"Shard {ShardId} has no ready session; try again once it reconnected.");
        }

        await connection.Socket.SendAsync(payload, isHeartbeat: false, cancellationToken);
    }

    /// <summary>Completes once this shard sent its first Identify; shards are started in that order.</summary>
    internal Task FirstIdentifySent => _identified.Task;

    /// <summary>
    /// Connects and stays connected until <paramref name="stoppingToken"/> is cancelled (then closes with
    /// 1000 so Discord ends the session at once, and returns), or throws <see cref="GatewayFatalException"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException($"Shard {ShardId} is already running.");
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (end, healthy) = await RunConnectionAsync(stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                if (end.Mode == ReconnectMode.Fatal)
                {
                    var code = end.CloseCode ?? 0;
                    throw new GatewayFatalException(code, GatewayCloseCodes.DescribeFatal(code, _options.Intents));
                }

                if (end.Mode == ReconnectMode.Identify)
                {
                    ForgetSession();
                }

                // After a healthy connection reconnect at once; after failures back off.
                var delay = healthy ? TimeSpan.Zero : _backoff.NextDelay();
                delay = delay > end.MinimumDelay ? delay : end.MinimumDelay;
                GatewayLog.Disconnected(_logger, ShardId, end.Reason, _session is null ? "identify" : "resume", delay);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        GatewayLog.Stopped(_logger, ShardId);
    }

    private async Task<(ConnectionEnd End, bool Healthy)> RunConnectionAsync(CancellationToken stoppingToken)
    {
        var session = _session;
        var url = WithGatewayQuery(session?.ResumeUrl ?? _gatewayUrl, _gateway.TransportCompression);
        GatewayLog.Connecting(_logger, ShardId, url);
        GatewaySocket socket;
        try
        {
            var limiter = new GatewaySendLimiter(_time, _gateway.SendBudgetPerMinute);
            socket = await GatewaySocket.ConnectAsync(url, limiter, _time, _gateway.TransportCompression, stoppingToken);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException
                                       || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            return (new ConnectionEnd(ReconnectMode.Resume, $"could not connect: {ex.Message}"), false);
        }

        await using (socket)
        {
            var connection = new Connection(socket, session, _gateway.CloseTimeout);
            using var heartbeater = new Heartbeater(
                _time,
                beat: () => _ = SendHeartbeatAsync(connection),
                zombied: () => connection.Close(
                    new ConnectionEnd(ReconnectMode.Resume, "zombied connection: the last heartbeat was never acknowledged"),
                    ResumableCloseCode));
            using var helloTimeout = _time.CreateTimer(
                _ => connection.Close(new ConnectionEnd(ReconnectMode.Resume, "no Hello in time"), ResumableCloseCode),
                null,
                _gateway.HelloTimeout,
                Timeout.InfiniteTimeSpan);
            connection.Heartbeater = heartbeater;
            connection.HelloTimeout = helloTimeout;
            using var stopping = stoppingToken.Register(
                () => connection.Close(new ConnectionEnd(ReconnectMode.Identify, "stopping"), NormalClosure));
            _connection = connection;
            try
            {
                return await ReadUntilClosedAsync(connection, stoppingToken);
            }
            finally
            {
                _connection = null;
            }
        }
    }

    private async Task<(ConnectionEnd End, bool Healthy)> ReadUntilClosedAsync(Connection connection, CancellationToken stoppingToken)
    {
        var socket = connection.Socket;
        while (true)
        {
            ReadOnlyMemory<byte>? message;
            try
            {
                message = await socket.ReceiveAsync();
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                return (connection.End ?? new ConnectionEnd(ReconnectMode.Resume, $"connection lost: {ex.Message}"), connection.Healthy);
            }

            if (message is not { } payload)
            {
                return (connection.End ?? FromCloseFrame(socket.CloseStatus, socket.CloseStatusDescription), connection.Healthy);
            }

            await HandlePayloadAsync(connection, payload, stoppingToken);
        }
    }

    private static ConnectionEnd FromCloseFrame(int? code, string? description) =>
        new(GatewayCloseCodes.Classify(code), $"Discord closed the connection ({code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"} {description})", code);

    private void ForgetSession()
    {
        _session = null;
        Interlocked.Exchange(ref _sequence, NoSequence);
    }

    private static Uri WithGatewayQuery(Uri url, TransportCompression compression) =>
        new UriBuilder(url) { Query = TransportCompressionQuery.For(compression) }.Uri;

    private sealed record GatewaySession(string Id, Uri ResumeUrl);

    /// <summary>How a connection ended and what the shard does next.</summary>
    private sealed record ConnectionEnd(ReconnectMode Mode, string Reason, int? CloseCode = null, TimeSpan MinimumDelay = default);
}
