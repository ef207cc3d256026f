using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// The gateway (events/gateway.mdx): Hello, Identify, Resume, heartbeats, dispatch with sequence numbers per
/// session, and the rules that close a socket (4001–4014). One lock guards sessions and connections; when
/// both are needed the state lock is taken first.
/// </summary>
internal sealed class GatewayServer(EmulatorState state) : IEventSink, IDisposable
{
    private static readonly string[] _identifyProperties = ["os", "browser", "device"];

    private const string Source = "gateway";
    private const string ZlibStream = "zlib-stream";
    private const string ZstdStream = "zstd-stream";
    private static readonly TimeSpan _closeHandshakeGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _sendWindow = TimeSpan.FromSeconds(60);
    private const int MaxSendsPerWindow = 120;
    private static readonly long[] _knownSendOps = [1, 2, 3, 4, 6, 8, 31, 43];

    private readonly Lock _gate = new();
    private readonly List<GatewayConnection> _connections = [];
    private readonly Dictionary<string, GatewaySession> _sessions = [];
    private readonly List<DateTimeOffset> _identifyTimes = [];
    private readonly HistoryRing<GatewayFrame> _received = new(state.Options.HistoryLimit);
    private readonly HistoryRing<GatewayClose> _closes = new(state.Options.HistoryLimit);
    private readonly List<string> _compressions = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _sessionStartsRemaining = state.Options.SessionStartLimit;
    private readonly GuildMemberRequests _memberRequests = new(state);

    public Uri Url { get; set; } = new("ws://127.0.0.1/gateway");

    public Uri ResumeUrl { get; set; } = new("ws://127.0.0.1/resume-gateway");

    public int IdentifyCount { get; private set; }

    public int ResumeCount { get; private set; }

    public int HeartbeatCount { get; private set; }

    public int ConnectionCount { get; private set; }

    public int SessionStartsRemaining
    {
        get
        {
            lock (_gate)
            {
                return _sessionStartsRemaining;
            }
        }
    }

    public IReadOnlyList<GatewayFrame> Received => Snapshot(_received);

    public IReadOnlyList<GatewayClose> Closes => Snapshot(_closes);

    public IReadOnlyList<string> Compressions => Snapshot(_compressions);

    /// <summary>A live socket whose session is identified or resumed.</summary>
    public bool IsReady
    {
        get
        {
            lock (_gate)
            {
                return _connections.Exists(c => c is { IsClosing: false, Session.IsInvalid: false });
            }
        }
    }

    // ---- connections ----

    public async Task AcceptAsync(HttpContext http, bool resumeUrl)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var compress = http.Request.Query["compress"].ToString();
        var zlibStream = compress == ZlibStream;
        var connection = new GatewayConnection(socket, resumeUrl, zlibStream, state.Options.GatewayFrameBytes)
        {
            SendWindowStart = state.Time.GetUtcNow(),
        };
        lock (_gate)
        {
            _connections.Add(connection);
            _compressions.Add(compress);
            ConnectionCount++;
        }

        state.Changed();
        var writer = connection.WriteLoopAsync(_stopping.Token);
        try
        {
            if (CheckQuery(http.Request.Query) is { } problem)
            {
                Violation(problem.Reason);
                ServerClose(connection, problem.Code, problem.Reason);
            }
            else
            {
                connection.Send(Envelope(10, new JsonObject
                {
                    ["heartbeat_interval"] = (long)state.Options.HeartbeatInterval.TotalMilliseconds,
                }));
            }

            await ReadLoopAsync(connection);
        }
        finally
        {
            Detach(connection);
            await writer.WaitAsync(_closeHandshakeGrace).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static (int Code, string Reason)? CheckQuery(IQueryCollection query)
    {
        if (query["v"] != "10")
        {
            return (GatewayCloseCodes.InvalidApiVersion, $"Invalid API version '{query["v"]}': connect with ?v=10.");
        }

        if (query["encoding"] != "json")
        {
            return (GatewayCloseCodes.DecodeError, $"Unsupported encoding '{query["encoding"]}': connect with &encoding=json.");
        }

        // Discord offers zlib-stream and zstd-stream (events/gateway.mdx "Transport Compression"). .NET has no zstd,
        // so this emulator refuses zstd-stream before Hello, saying so, rather than pretend Discord would.
        return query["compress"].ToString() switch
        {
            "" or ZlibStream => null,
            // A close reason holds at most 123 bytes.
            ZstdStream => (GatewayCloseCodes.DecodeError, "zstd-stream: not in this emulator (Discord has it); use zlib-stream or none"),
            var other => (GatewayCloseCodes.DecodeError, $"Unknown compress '{other[..Math.Min(other.Length, 40)]}': use zlib-stream or zstd-stream"),
        };
    }

    private async Task ReadLoopAsync(GatewayConnection connection)
    {
        while (true)
        {
            string? text;
            try
            {
                text = await connection.ReceiveAsync(_stopping.Token);
            }
            catch (PayloadTooLargeException)
            {
                if (!connection.IsClosing)
                {
                    Violation($"Sent a payload larger than {GatewayConnection.MaxPayloadBytes} bytes.");
                    ServerClose(connection, GatewayCloseCodes.DecodeError, "Payload too large");
                }

                continue;
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            if (text is null)
            {
                // The client closed: answer its close frame, then the socket is done.
                RecordClientClose(connection);
                var echo = (int?)connection.ClientCloseStatus is { } code and not (1005 or 1006) ? code : 1000;
                connection.Close(echo, "");
                return;
            }

            if (!connection.IsClosing)
            {
                Handle(connection, text);
            }
        }
    }

    private void Handle(GatewayConnection connection, string text)
    {
        if (!CountSend(connection))
        {
            Violation($"Sent more than {MaxSendsPerWindow} payloads in {_sendWindow.TotalSeconds:0} s.");
            ServerClose(connection, GatewayCloseCodes.RateLimited, "You are being rate limited.");
            return;
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload?["op"].Int() is not { } op)
        {
            Violation("Sent a payload that is not a JSON object with an integer op.");
            ServerClose(connection, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
            return;
        }

        Record((int)op, payload["d"]);
        switch (op)
        {
            case 1:
                Heartbeat(connection, payload["d"]);
                break;
            case 2:
                Identify(connection, payload["d"] as JsonObject);
                break;
            case 6:
                Resume(connection, payload["d"] as JsonObject);
                break;
            case 8 when connection.Session is not null:
                RequestGuildMembers(connection, payload["d"] as JsonObject);
                break;
            case var known when _knownSendOps.Contains(known):
                if (connection.Session is null)
                {
                    Violation($"Sent op {op} before identifying.");
                    ServerClose(connection, GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
                }

                break;
            default:
                Violation($"Sent unknown opcode {op}.");
                ServerClose(connection, GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
                break;
        }

        state.Changed();
    }

    private void RequestGuildMembers(GatewayConnection connection, JsonObject? d)
    {
        lock (state.Gate)
        {
            lock (_gate)
            {
                if (connection.Session is not { } session)
                {
                    return;
                }

                var (dispatches, problem) = _memberRequests.Answer(session, d);
                if (problem is not null)
                {
                    Violation(problem);
                    ServerClose(connection, GatewayCloseCodes.UnknownOpcode, "Invalid payload for Request Guild Members.");
                    return;
                }

                foreach (var (name, data) in dispatches)
                {
                    connection.Send(session.Append(name, data));
                }
            }
        }
    }

    private bool CountSend(GatewayConnection connection)
    {
        var now = state.Time.GetUtcNow();
        lock (_gate)
        {
            if (now - connection.SendWindowStart >= _sendWindow)
            {
                connection.SendWindowStart = now;
                connection.SendsInWindow = 0;
            }

            connection.SendsInWindow++;
            return connection.SendsInWindow <= MaxSendsPerWindow;
        }
    }

    // ---- opcodes ----

    private void Heartbeat(GatewayConnection connection, JsonNode? d)
    {
        lock (_gate)
        {
            HeartbeatCount++;
            var seq = d.Int();
            if (d is not null && seq is null)
            {
                Violation("Heartbeat d must be the last sequence number received, or null.");
            }
            else if (seq is { } s && s > LastSeqSent(connection))
            {
                Violation($"Heartbeat d {s} is ahead of the last sequence number sent ({LastSeqSent(connection)}).");
            }

            if (connection.AcknowledgeHeartbeats)
            {
                connection.Send(Envelope(11, null));
            }
        }
    }

    // Heartbeat d is the last seq the client received in its session, not on this socket: a connection that has not
    // resumed yet, or whose session op 9 just detached, rightly carries the seq of the session it had. Called under _gate.
    private int LastSeqSent(GatewayConnection connection) =>
        connection.Session?.Seq ?? (_sessions.Count == 0 ? 0 : _sessions.Values.Max(s => s.Seq));

    private void Identify(GatewayConnection connection, JsonObject? d)
    {
        lock (state.Gate)
        {
            lock (_gate)
            {
                if (IdentifyProblem(connection, d) is { } problem)
                {
                    Violation(problem.Reason);
                    ServerClose(connection, problem.Code, problem.Reason);
                    return;
                }

                var now = state.Time.GetUtcNow();
                _identifyTimes.RemoveAll(t => now - t >= state.Options.IdentifyWindow);
                if (_identifyTimes.Count >= state.Options.MaxConcurrency)
                {
                    Violation($"Identified more than max_concurrency ({state.Options.MaxConcurrency}) times within {state.Options.IdentifyWindow.TotalSeconds:0.#} s.");
                    connection.Send(Envelope(9, false));
                    return;
                }

                _identifyTimes.Add(now);
                _sessionStartsRemaining--;
                var intents = (EmulatorIntents)d!["intents"].Int()!.Value;
                var shard = d["shard"] as JsonArray;
                var session = new GatewaySession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), intents,
                    (int)(shard?[0].Int() ?? 0), (int)(shard?[1].Int() ?? 1));
                _sessions.Add(session.Id, session);
                session.Connection = connection;
                connection.Session = session;

                var guilds = state.Guilds.Where(g => session.OwnsGuild(g.Id)).ToList();
                connection.Send(session.Append("READY", Ready(session, guilds, shard is not null)));
                if (intents.HasFlag(EmulatorIntents.Guilds))
                {
                    foreach (var guild in guilds)
                    {
                        connection.Send(session.Append("GUILD_CREATE", DiscordJson.GuildCreate(guild, intents)));
                    }
                }

                IdentifyCount++;
            }
        }
    }

    private (int Code, string Reason)? IdentifyProblem(GatewayConnection connection, JsonObject? d)
    {
        if (connection.Session is not null)
        {
            return (GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated: identify was sent twice on one connection.");
        }

        if (d is null || d["token"].Str() != state.Token)
        {
            return (GatewayCloseCodes.AuthenticationFailed, "Authentication failed: the identify token is wrong.");
        }

        if (d["intents"].Int() is not { } bits || (bits & ~(long)EmulatorIntents.All) != 0)
        {
            return (GatewayCloseCodes.InvalidIntents, $"Invalid intent(s): {d["intents"]?.ToJsonString() ?? "missing"}.");
        }

        var disallowed = (EmulatorIntents)bits & EmulatorIntents.Privileged & ~state.Options.EnabledPrivilegedIntents;
        if (disallowed != EmulatorIntents.None)
        {
            return (GatewayCloseCodes.DisallowedIntents, $"Disallowed intent(s): {disallowed} is privileged and not enabled for this application.");
        }

        if (d["properties"] is not JsonObject properties
            || _identifyProperties.Any(k => properties[k].Str() is null))
        {
            Violation("Identify properties must carry os, browser and device strings.");
        }

        if (d["large_threshold"].Int() is { } threshold && threshold is < 50 or > 250)
        {
            Violation($"Identify large_threshold {threshold} is outside 50-250.");
        }

        if (d["shard"] is { } shard
            && (shard is not JsonArray { Count: 2 } pair || pair[0].Int() is not { } id || pair[1].Int() is not { } count
                || count < 1 || id < 0 || id >= count))
        {
            return (GatewayCloseCodes.InvalidShard, $"Invalid shard {shard.ToJsonString()}: expected [shard_id, num_shards] with 0 <= shard_id < num_shards.");
        }

        return null;
    }

    private JsonObject Ready(GatewaySession session, List<EmulatedGuild> guilds, bool withShard)
    {
        var user = DiscordJson.User(state.BotUser);
        user["verified"] = true;
        user["mfa_enabled"] = false;
        user["flags"] = 0;
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user_settings"] = new JsonObject(),
            ["user"] = user,
            ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject
            {
                ["id"] = DiscordJson.Id(g.Id),
                ["unavailable"] = true,
            })]),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = ResumeUrl.ToString(),
            ["session_type"] = "normal",
            ["application"] = new JsonObject
            {
                ["id"] = DiscordJson.Id(state.ApplicationId),
                ["flags"] = ApplicationFlags.For(state.Options.EnabledPrivilegedIntents),
            },
            ["private_channels"] = new JsonArray(),
            ["relationships"] = new JsonArray(),
            ["presences"] = new JsonArray(),
            ["guild_join_requests"] = new JsonArray(),
            ["geo_ordered_rtc_regions"] = new JsonArray(),
        };
        if (withShard)
        {
            ready["shard"] = new JsonArray(session.ShardId, session.ShardCount);
        }

        return ready;
    }

    private void Resume(GatewayConnection connection, JsonObject? d)
    {
        lock (_gate)
        {
            if (connection.Session is not null)
            {
                Violation("Sent Resume on a connection that is already identified.");
                ServerClose(connection, GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
                return;
            }

            if (d is null || d["token"].Str() != state.Token)
            {
                Violation("Authentication failed: the resume token is wrong.");
                ServerClose(connection, GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
                return;
            }

            var seq = d["seq"].Int() ?? 0;
            if (d["session_id"].Str() is not { } id || !_sessions.TryGetValue(id, out var session) || session.IsInvalid)
            {
                connection.Send(Envelope(9, false));
                return;
            }

            if (seq > session.Seq)
            {
                Violation($"Resumed with seq {seq}, beyond the session's last seq {session.Seq}.");
                ServerClose(connection, GatewayCloseCodes.InvalidSeq, "Invalid seq.");
                return;
            }

            if (session.Since((int)seq) is not { } missed)
            {
                connection.Send(Envelope(9, false));
                return;
            }

            if (!connection.OpenedOnResumeUrl)
            {
                Violation("Resumed on the gateway url instead of READY's resume_gateway_url.");
            }

            if (session.Connection is { } previous && previous != connection)
            {
                ServerClose(previous, GatewayCloseCodes.UnknownError, "Session resumed on another connection.");
            }

            session.Connection = connection;
            connection.Session = session;
            foreach (var json in missed)
            {
                connection.Send(json);
            }

            connection.Send(session.Append("RESUMED", new JsonObject()));
            ResumeCount++;
        }
    }

    // ---- dispatch ----

    public void Dispatch(DispatchEvent dispatch)
    {
        lock (_gate)
        {
            foreach (var session in _sessions.Values.Where(s => !s.IsInvalid && s.Wants(dispatch)))
            {
                var data = dispatch.ContentNeedsIntent && !session.Intents.HasFlag(EmulatorIntents.MessageContent)
                    ? WithoutContent(dispatch.Data)
                    : dispatch.Data.DeepClone();
                var json = session.Append(dispatch.Name, data);
                session.Connection?.Send(json);
            }
        }
    }

    /// <summary>What an app without MESSAGE_CONTENT receives (events/gateway.mdx "Message Content Intent").</summary>
    private static JsonObject WithoutContent(JsonObject message)
    {
        var copy = (JsonObject)message.DeepClone();
        copy["content"] = "";
        copy["embeds"] = new JsonArray();
        copy["attachments"] = new JsonArray();
        copy["components"] = new JsonArray();
        copy.Remove("poll");
        return copy;
    }

    // ---- fault injection ----

    public void DropConnections()
    {
        foreach (var connection in Live())
        {
            connection.Abort();
        }
    }

    public void SendReconnect()
    {
        foreach (var connection in Live())
        {
            connection.Send(Envelope(7, null));
            CloseLater(connection, state.Options.ReconnectGrace, c => true, "Reconnect requested and the client did not close.");
        }
    }

    public void SendInvalidSession(bool resumable)
    {
        lock (_gate)
        {
            foreach (var connection in Live())
            {
                connection.Send(Envelope(9, resumable));
                if (connection.Session is { } session)
                {
                    session.IsInvalid |= !resumable;
                    session.Connection = null;
                    connection.Session = null;
                }

                CloseLater(connection, state.Options.ReconnectGrace, c => c.Session is null, "Invalid session and the client did not reconnect.");
            }
        }
    }

    public void StopAcknowledgingHeartbeats()
    {
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.AcknowledgeHeartbeats = false;
            }
        }
    }

    public void CloseWith(int code, string reason)
    {
        foreach (var connection in Live())
        {
            ServerClose(connection, code, reason);
        }
    }

    public void Dispose() => _stopping.Dispose();

    public void Stop()
    {
        _stopping.Cancel();
        foreach (var connection in Live())
        {
            connection.Abort();
        }
    }

    // ---- helpers ----

    private List<GatewayConnection> Live()
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => !c.IsClosing)];
        }
    }

    private void ServerClose(GatewayConnection connection, int code, string reason)
    {
        lock (_gate)
        {
            if (!connection.Close(code, reason))
            {
                return;
            }

            _closes.Add(new GatewayClose(state.Time.GetUtcNow(), code, reason, ByClient: false));
            if (connection.Session is { } session && GatewayCloseCodes.EndsSession(code))
            {
                session.IsInvalid = true;
            }
        }

        // A client that never answers the close frame is cut off, so its request (and the test) can end.
        _ = AbortAfterAsync(connection, _closeHandshakeGrace);
        state.Changed();
    }

    private void CloseLater(GatewayConnection connection, TimeSpan delay, Func<GatewayConnection, bool> stillDue, string reason)
    {
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            bool due;
            lock (_gate)
            {
                due = !connection.IsClosing && stillDue(connection);
            }

            if (due && !_stopping.IsCancellationRequested)
            {
                ServerClose(connection, GatewayCloseCodes.UnknownError, reason);
            }
        });
    }

    private async Task AbortAfterAsync(GatewayConnection connection, TimeSpan delay)
    {
        await Task.Delay(delay, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        bool open;
        lock (_gate)
        {
            open = _connections.Contains(connection);
        }

        if (open)
        {
            connection.Abort();
        }
    }

    private void RecordClientClose(GatewayConnection connection)
    {
        lock (_gate)
        {
            if (connection.IsClosing)
            {
                return;
            }

            var code = (int?)connection.ClientCloseStatus;
            _closes.Add(new GatewayClose(state.Time.GetUtcNow(), code, connection.ClientCloseDescription, ByClient: true));
            if (connection.Session is { } session && code is 1000 or 1001)
            {
                // Closing with 1000/1001 ends the session on Discord; the bot must identify again.
                session.IsInvalid = true;
            }
        }
    }

    private void Detach(GatewayConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
            if (connection.Session is { } session && session.Connection == connection)
            {
                session.Connection = null;
            }
        }

        state.Changed();
    }

    private void Record(int op, JsonNode? d)
    {
        var data = d?.Frozen();
        if (data is JsonObject obj && obj.ContainsKey("token"))
        {
            obj["token"] = "(redacted)";
        }

        lock (_gate)
        {
            _received.Add(new GatewayFrame(state.Time.GetUtcNow(), op, data));
        }
    }

    private void Violation(string reason) => state.AddViolation(Source, reason);

    private static string Envelope(int op, JsonNode? d) =>
        new JsonObject { ["op"] = op, ["d"] = d, ["s"] = null, ["t"] = null }.ToJsonString();

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    private T[] Snapshot<T>(HistoryRing<T> ring)
    {
        lock (_gate)
        {
            return ring.Snapshot();
        }
    }
}
