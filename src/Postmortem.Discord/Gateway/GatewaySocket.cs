using System.Net.WebSockets;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// One websocket to the gateway: assembles multi-frame messages into a pooled buffer (and, with zlib-stream,
/// inflates them through the connection's own inflate context), serialises sends
/// (a websocket allows one at a time) behind the per-connection rate limit, and closes with a bounded
/// handshake so a dead peer can never hang the shard.
/// </summary>
internal sealed class GatewaySocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly GatewaySendLimiter _limiter;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly PooledByteBuffer _buffer = new();
    private readonly CancellationTokenSource _abort;
    private readonly ZlibStreamInflater? _inflater;
    private int _closing;

    private GatewaySocket(ClientWebSocket socket, GatewaySendLimiter limiter, TimeProvider time, TransportCompression compression)
    {
        _socket = socket;
        _limiter = limiter;
        _inflater = compression == TransportCompression.ZlibStream ? new ZlibStreamInflater() : null;
        // Created with the TimeProvider so CancelAfter in BeginClose runs on the injected clock.
        _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>Cancelled when the connection is being torn down; pending receives and sends then fail.</summary>
    public CancellationToken Aborted => _abort.Token;

    /// <summary>The close code the peer sent, if it closed the connection with a close frame.</summary>
    public int? CloseStatus => (int?)_socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    /// <summary>Connects to <paramref name="url"/> (already carrying v, encoding and compress).</summary>
    public static async Task<GatewaySocket> ConnectAsync(
        Uri url, GatewaySendLimiter limiter, TimeProvider time, TransportCompression compression, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new GatewaySocket(socket, limiter, time, compression);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next complete message (valid until the next call), or null once the peer closed.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync()
    {
        while (true)
        {
            if (await ReceiveMessageAsync() is not { } message)
            {
                return null;
            }

            if (_inflater is null)
            {
                return message;
            }

            // A payload may span several websocket messages; only the sync-flush suffix says it is complete.
            if (_inflater.Push(message.Span) is { } inflated)
            {
                return inflated;
            }
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>?> ReceiveMessageAsync()
    {
        _buffer.Reset();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.GetMemory(), _abort.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return _buffer.WrittenMemory;
            }
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> payload, bool isHeartbeat, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        // The rate limit is awaited outside the lock so a waiting event never holds up a heartbeat.
        await _limiter.WaitAsync(isHeartbeat, linked.Token);
        await _sendLock.WaitAsync(linked.Token);
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, linked.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Starts the closing handshake with <paramref name="code"/> and drops the connection if it has not
    /// finished within <paramref name="timeout"/>. Only the first call has an effect.
    /// </summary>
    public void BeginClose(int code, string reason, TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        _abort.CancelAfter(timeout);
        _ = SendCloseFrameAsync(code, reason);
    }

    /// <summary>Drops the connection at once, without a closing handshake.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _abort.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        _abort.Cancel();
        // Take the lock so no send is still using the socket when it goes away.
        await _sendLock.WaitAsync();
        _socket.Dispose();
        _sendLock.Dispose();
        _buffer.Dispose();
        _inflater?.Dispose();
        _abort.Dispose();
    }

    private async Task SendCloseFrameAsync(int code, string reason)
    {
        try
        {
            await _sendLock.WaitAsync(_abort.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, _abort.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The peer is gone or the timeout passed: the abort above ends the connection anyway.
        }
    }
}
