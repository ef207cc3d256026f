using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Postmortem.Discord.Tests.Gateway;

/// <summary>
/// A tiny websocket server on loopback that lets a test play Discord's gateway one step at a time.
/// It does the RFC 6455 handshake itself over a TcpListener (no Kestrel), so port 0 just works.
/// </summary>
internal sealed class ScriptedGatewayServer : IAsyncDisposable
{
    /// <summary>Only matters when a test fails: every wait gives up after this long.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();
    private readonly List<ScriptedConnection> _all = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    public ScriptedGatewayServer()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>What GET /gateway/bot would return.</summary>
    public Uri Url => new($"ws://127.0.0.1:{Port}/");

    /// <summary>What READY's resume_gateway_url points at in these tests.</summary>
    public Uri ResumeUrl => new($"ws://127.0.0.1:{Port}/resume");

    /// <summary>The next connection the client opens.</summary>
    public async Task<ScriptedConnection> AcceptAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ScriptedConnection[] all;
        lock (_all)
        {
            all = [.. _all];
        }

        foreach (var connection in all)
        {
            await connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                var connection = await ScriptedConnection.AcceptAsync(client, _stopping.Token);
                lock (_all)
                {
                    _all.Add(connection);
                }

                await _connections.Writer.WriteAsync(connection);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidDataException)
            {
                client.Dispose();
            }
        }
    }
}

/// <summary>One client connection: what the client sent, and what the test makes "Discord" say.</summary>
internal sealed class ScriptedConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<JsonElement> _payloads = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _heartbeats = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _readLoop;

    private ScriptedConnection(TcpClient client, WebSocket socket, string requestTarget)
    {
        _client = client;
        _socket = socket;
        RequestTarget = requestTarget;
        _readLoop = ReadLoopAsync();
    }

    /// <summary>Path and query of the upgrade request, e.g. "/?v=10&amp;encoding=json".</summary>
    public string RequestTarget { get; }

    /// <summary>Answer every heartbeat with op 11, like a healthy Discord. Turn off to make a zombie.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    public static async Task<ScriptedConnection> AcceptAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var stream = client.GetStream();
        var request = await ReadHandshakeAsync(stream, cancellationToken);
        var lines = request.Split("\r\n");
        var target = lines[0].Split(' ')[1];
        var key = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Single(h => h[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))[1].Trim();
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the handshake; it protects nothing here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       + $"Sec-WebSocket-Accept: {accept}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken);
        var socket = WebSocket.CreateFromStream(
            stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = System.Threading.Timeout.InfiniteTimeSpan });
        return new ScriptedConnection(client, socket, target);
    }

    /// <summary>The client's next payload other than a heartbeat.</summary>
    public async Task<JsonElement> ReceiveAsync() =>
        await _payloads.Reader.ReadAsync().AsTask().WaitAsync(ScriptedGatewayServer.Timeout);

    /// <summary>The client's next payload with this opcode, skipping others (heartbeats are never included).</summary>
    public async Task<JsonElement> ReceiveAsync(int opcode)
    {
        while (true)
        {
            var payload = await ReceiveAsync();
            if (payload.GetProperty("op").GetInt32() == opcode)
            {
                return payload;
            }
        }
    }

    public async Task<JsonElement> ReceiveHeartbeatAsync() =>
        await _heartbeats.Reader.ReadAsync().AsTask().WaitAsync(ScriptedGatewayServer.Timeout);

    /// <summary>The close code the client sent, or null if it dropped the connection without one.</summary>
    public async Task<int?> WaitForCloseAsync() => await _closed.Task.WaitAsync(ScriptedGatewayServer.Timeout);

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), chunkSize: int.MaxValue);

    /// <summary>Sends one message split into websocket frames of <paramref name="chunkSize"/> bytes.</summary>
    public async Task SendAsync(byte[] message, int chunkSize)
    {
        await _sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < message.Length || offset == 0; offset += chunkSize)
            {
                var count = Math.Min(chunkSize, message.Length - offset);
                var last = offset + count >= message.Length;
                await _socket.SendAsync(message.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendHelloAsync(int heartbeatIntervalMs = 45_000) =>
        SendAsync($$$"""{"op":10,"d":{"heartbeat_interval":{{{heartbeatIntervalMs}}}},"s":null,"t":null}""");

    public Task SendDispatchAsync(string name, long sequence, string data) =>
        SendAsync($$"""{"op":0,"t":"{{name}}","s":{{sequence}},"d":{{data}}}""");

    public Task SendReadyAsync(long sequence, string sessionId, Uri resumeUrl) =>
        SendDispatchAsync("READY", sequence, $$$"""
            {"v":10,"user":{"id":"1000","username":"postmortem","discriminator":"0","bot":true},
             "guilds":[{"id":"2000","unavailable":true}],"session_id":"{{{sessionId}}}",
             "resume_gateway_url":"{{{resumeUrl}}}","shard":[0,1],"application":{"id":"3000","flags":0}}
            """);

    /// <summary>Closes from the server side with a gateway close code.</summary>
    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, "scripted", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Cuts the TCP connection without a closing handshake, like a network failure.</summary>
    public void Drop()
    {
        _client.Client.LingerState = new LingerOption(true, 0);
        _client.Client.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _client.Dispose();
        await _readLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private static async Task<string> ReadHandshakeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        // The client sends nothing after its request until we answer, so reading byte by byte is safe.
        while (bytes.Count < 4 || !(bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The client went away during the handshake.");
            }

            bytes.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. bytes]);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult((int?)result.CloseStatus);
                    await _sendLock.WaitAsync();
                    try
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var payload = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                if (payload.GetProperty("op").GetInt32() == 1)
                {
                    await _heartbeats.Writer.WriteAsync(payload);
                    if (AcknowledgeHeartbeats)
                    {
                        await SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                    }
                }
                else
                {
                    await _payloads.Writer.WriteAsync(payload);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
    }
}
