using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// One websocket: a single writer loop drains the outbox (so sends never overlap and a close goes out after
/// everything queued before it), and a reader loop hands whole payloads to the server. With zlib-stream every
/// payload goes through the connection's one deflate context and ends in a Z_SYNC_FLUSH (events/gateway.mdx
/// "Transport Compression"). Messages longer than <paramref name="frameBytes"/> go out in several frames.
/// </summary>
internal sealed class GatewayConnection(WebSocket socket, bool openedOnResumeUrl, bool zlibStream, int frameBytes)
{
    public const int MaxPayloadBytes = 4096;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private int _closing;

    public bool OpenedOnResumeUrl { get; } = openedOnResumeUrl;

    /// <summary>The session this socket identified or resumed; guarded by the server's lock.</summary>
    public GatewaySession? Session { get; set; }

    public bool AcknowledgeHeartbeats { get; set; } = true;

    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Start of the current 60-second send window and the payloads received in it.</summary>
    public DateTimeOffset SendWindowStart { get; set; }

    public int SendsInWindow { get; set; }

    public void Send(string json)
    {
        if (!IsClosing)
        {
            _outbox.Writer.TryWrite(new Outgoing(json, null, null));
        }
    }

    /// <summary>Queues a close frame after whatever is already queued. Returns false if already closing.</summary>
    public bool Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return false;
        }

        _outbox.Writer.TryWrite(new Outgoing(null, code, reason));
        _outbox.Writer.TryComplete();
        return true;
    }

    /// <summary>Drops the TCP connection without a close frame, like a network failure.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _outbox.Writer.TryComplete();
        socket.Abort();
    }

    public async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        // Only this loop sends, so the connection's one deflate context is never used by two sends at once.
        using var deflater = zlibStream ? new ZlibStreamDeflater() : null;
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                if (item.Text is { } text)
                {
                    var bytes = Encoding.UTF8.GetBytes(text);
                    if (deflater is not null)
                    {
                        await SendFramesAsync(deflater.Deflate(bytes), WebSocketMessageType.Binary, cancellationToken);
                    }
                    else
                    {
                        await SendFramesAsync(bytes, WebSocketMessageType.Text, cancellationToken);
                    }
                }
                else if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode!.Value, item.Reason, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away; the reader notices too.
        }
    }

    private async Task SendFramesAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        do
        {
            var frame = message[..Math.Min(frameBytes, message.Length)];
            message = message[frame.Length..];
            await socket.SendAsync(frame, type, endOfMessage: message.IsEmpty, cancellationToken);
        }
        while (!message.IsEmpty);
    }

    /// <summary>Reads one whole text payload; null when the socket closed. Oversized payloads throw.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxPayloadBytes + 1];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (length > MaxPayloadBytes)
            {
                throw new PayloadTooLargeException();
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }

    public WebSocketCloseStatus? ClientCloseStatus => socket.CloseStatus;

    public string? ClientCloseDescription => socket.CloseStatusDescription;

    private sealed record Outgoing(string? Text, int? CloseCode, string? Reason);
}

internal sealed class PayloadTooLargeException : Exception
{
    public PayloadTooLargeException() : base("Gateway payload larger than 4096 bytes.")
    {
    }
}
