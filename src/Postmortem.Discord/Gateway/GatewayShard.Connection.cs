using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Postmortem.Discord.Gateway;

// The protocol spoken on one socket: Hello, heartbeats, Identify or Resume, dispatches, and the
// server's requests to reconnect.
public sealed partial class GatewayShard
{
    // Any close code but 1000/1001 keeps the session resumable; this one is in the private-use range.
    internal const int ResumableCloseCode = 4900;
    private const int NormalClosure = 1000;

    private async ValueTask HandlePayloadAsync(Connection connection, ReadOnlyMemory<byte> payload, CancellationToken stoppingToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            GatewayLog.MalformedPayload(_logger, ShardId, payload.Length, ex.Message);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var opcode))
            {
                GatewayLog.MalformedPayload(_logger, ShardId, payload.Length, "no opcode");
                return;
            }

            var data = root.TryGetProperty("d", out var d) ? d : default;
            switch ((GatewayOpcode)opcode)
            {
                case GatewayOpcode.Dispatch:
                    await HandleDispatchAsync(connection, root, data, payload.Length, stoppingToken);
                    break;
                case GatewayOpcode.Hello:
                    OnHello(connection, data, payload.Length, stoppingToken);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    connection.Heartbeater?.Acknowledge();
                    if (connection.Heartbeater?.Latency is { } latency)
                    {
                        Interlocked.Exchange(ref _latencyTicks, latency.Ticks);
                    }

                    break;
                case GatewayOpcode.Heartbeat:
                    // Discord wants a heartbeat right now, outside the regular schedule.
                    _ = SendHeartbeatAsync(connection);
                    break;
                case GatewayOpcode.Reconnect:
                    connection.Close(new ConnectionEnd(ReconnectMode.Resume, "Discord asked to reconnect (op 7)"), ResumableCloseCode);
                    break;
                case GatewayOpcode.InvalidSession when data.ValueKind == JsonValueKind.True:
                    connection.Close(new ConnectionEnd(ReconnectMode.Resume, "session invalidated, resumable (op 9)"), ResumableCloseCode);
                    break;
                case GatewayOpcode.InvalidSession:
                    // Discord asks for a random 1–5 s wait before identifying again.
                    var wait = _gateway.InvalidSessionDelayMin
                               + ((_gateway.InvalidSessionDelayMax - _gateway.InvalidSessionDelayMin) * _random.NextDouble());
                    connection.Close(
                        new ConnectionEnd(ReconnectMode.Identify, "session invalidated (op 9)", MinimumDelay: wait), NormalClosure);
                    break;
                default:
                    GatewayLog.UnknownOpcode(_logger, ShardId, opcode);
                    break;
            }
        }
    }

    private void OnHello(Connection connection, JsonElement data, int length, CancellationToken stoppingToken)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("heartbeat_interval", out var interval)
            || interval.ValueKind != JsonValueKind.Number
            || !interval.TryGetInt32(out var milliseconds)
            || milliseconds <= 0)
        {
            GatewayLog.MalformedPayload(_logger, ShardId, length, "Hello without a valid heartbeat_interval");
            return;
        }

        if (connection.HelloReceived)
        {
            return;
        }

        connection.HelloReceived = true;
        connection.HelloTimeout?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        connection.Heartbeater?.Start(TimeSpan.FromMilliseconds(milliseconds), _random.NextDouble());
        _ = AuthenticateAsync(connection, stoppingToken);
    }

    private async Task AuthenticateAsync(Connection connection, CancellationToken stoppingToken)
    {
        try
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, connection.Socket.Aborted);
            if (connection.Session is { } session && Sequence is { } sequence)
            {
                GatewayLog.Resuming(_logger, ShardId, session.Id, sequence);
                var resume = new ResumeCommand(_options.Token, session.Id, sequence);
                await connection.Socket.SendAsync(
                    GatewayPayload.Create(GatewayOpcode.Resume, resume, GatewayJsonContext.Default.ResumeCommand),
                    isHeartbeat: false,
                    cancellation.Token);
                return;
            }

            await _identifyGate.WaitAsync(ShardId, cancellation.Token);
            // A new session numbers its dispatches from 1 again.
            Interlocked.Exchange(ref _sequence, NoSequence);
            GatewayLog.Identifying(_logger, ShardId, ShardCount, _options.Intents);
            await connection.Socket.SendAsync(
                GatewayPayload.Create(GatewayOpcode.Identify, CreateIdentify(), GatewayJsonContext.Default.IdentifyCommand),
                isHeartbeat: false,
                cancellation.Token);
            _identified.TrySetResult();
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException
                                       or ArgumentException)
        {
            // Usually the connection is already going away; otherwise (say, an absurd token) this ends it with a reason.
            connection.Close(new ConnectionEnd(ReconnectMode.Resume, "could not authenticate: " + ex.Message), ResumableCloseCode);
        }
    }

    private IdentifyCommand CreateIdentify() => new(
        _options.Token,
        (int)_options.Intents,
        new IdentifyProperties(OperatingSystemName(), _gateway.ClientName, _gateway.ClientName),
        [ShardId, ShardCount]);

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : RuntimeInformation.OSDescription;

    private async ValueTask HandleDispatchAsync(
        Connection connection, JsonElement root, JsonElement data, int length, CancellationToken stoppingToken)
    {
        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n)
            ? n
            : null;
        var name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (name is null || data.ValueKind == JsonValueKind.Undefined)
        {
            GatewayLog.MalformedPayload(_logger, ShardId, length, "dispatch without an event name or data");
            return;
        }

        if (sequence is { } seen && seen <= Interlocked.Read(ref _sequence))
        {
            // Already handled before a resume replayed it.
            GatewayLog.DuplicateDispatch(_logger, ShardId, name, seen);
            return;
        }

        if (name == "READY")
        {
            OnReady(connection, data);
        }
        else if (name == "RESUMED")
        {
            connection.Healthy = true;
            _backoff.Reset();
            GatewayLog.Resumed(_logger, ShardId, SessionId);
        }

        GatewayEvent? evt;
        try
        {
            evt = GatewayEventMapper.Map(name, data);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or NotSupportedException)
        {
            GatewayLog.MalformedDispatch(_logger, ShardId, name, ex.Message);
            evt = null;
        }

        if (evt is not null)
        {
            await _events.PublishAsync(evt with { ShardId = ShardId }, stoppingToken);
        }

        if (sequence is { } handled)
        {
            Interlocked.Exchange(ref _sequence, handled);
        }
    }

    private void OnReady(Connection connection, JsonElement data)
    {
        ReadySession? ready = null;
        try
        {
            ready = data.Deserialize(GatewayJsonContext.Default.ReadySession);
        }
        catch (JsonException ex)
        {
            GatewayLog.MalformedDispatch(_logger, ShardId, "READY", ex.Message);
        }

        if (ready is { SessionId.Length: > 0, ResumeGatewayUrl.Length: > 0 }
            && Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl))
        {
            _session = new GatewaySession(ready.SessionId, resumeUrl);
        }
        else
        {
            GatewayLog.MalformedDispatch(_logger, ShardId, "READY", "no session_id or resume_gateway_url; the session cannot be resumed");
        }

        connection.Healthy = true;
        _backoff.Reset();
        GatewayLog.Ready(_logger, ShardId, ShardCount, SessionId);
    }

    private async Task SendHeartbeatAsync(Connection connection)
    {
        try
        {
            await connection.Socket.SendAsync(GatewayPayload.Heartbeat(Sequence), isHeartbeat: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The connection is going away; the read loop notices and reconnects.
        }
    }

    /// <summary>State of one socket: who ended it and why, and whether it ever became usable.</summary>
    private sealed class Connection(GatewaySocket socket, GatewaySession? session, TimeSpan closeTimeout)
    {
        private ConnectionEnd? _end;
        private volatile bool _healthy;

        public GatewaySocket Socket => socket;

        /// <summary>The session this connection resumes, or null when it identifies.</summary>
        public GatewaySession? Session => session;

        public Heartbeater? Heartbeater { get; set; }

        public ITimer? HelloTimeout { get; set; }

        public bool HelloReceived { get; set; }

        /// <summary>READY or RESUMED arrived: the reconnect backoff starts over.</summary>
        public bool Healthy
        {
            get => _healthy;
            set => _healthy = value;
        }

        public ConnectionEnd? End => Volatile.Read(ref _end);

        /// <summary>Ends the connection with the first reason given; later calls change nothing.</summary>
        public void Close(ConnectionEnd end, int closeCode)
        {
            if (Interlocked.CompareExchange(ref _end, end, null) is null)
            {
                socket.BeginClose(closeCode, end.Mode.ToString(), closeTimeout);
            }
        }
    }
}
