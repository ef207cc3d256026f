using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator.Tests.Support;

/// <summary>
/// A bare ClientWebSocket speaking the gateway protocol; every wait is bounded. Connected with compress=zlib-stream
/// it inflates binary messages through one zlib context, as events/gateway.mdx describes.
/// </summary>
public sealed class RawGateway : IAsyncDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly MemoryStream _compressed = new();
    private ZLibStream? _inflate;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    /// <summary>How many websocket frames (receives) the last payload took, and its type.</summary>
    public int LastFrames { get; private set; }

    public WebSocketMessageType LastType { get; private set; }

    public static async Task<RawGateway> ConnectAsync(Uri url, string query = "?v=10&encoding=json")
    {
        var gateway = new RawGateway();
        if (query.Contains("compress=zlib-stream", StringComparison.Ordinal))
        {
            gateway._inflate = new ZLibStream(gateway._compressed, CompressionMode.Decompress, leaveOpen: true);
        }

        using var cts = new CancellationTokenSource(_timeout);
        await gateway._socket.ConnectAsync(new Uri(url + query), cts.Token);
        return gateway;
    }

    /// <summary>Connects, reads Hello, identifies, and reads READY.</summary>
    public static async Task<(RawGateway Gateway, JsonObject Ready)> IdentifyAsync(DiscordEmulator emulator, int intents = 513)
    {
        var gateway = await ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(Identify(emulator.BotToken, intents));
        var ready = await gateway.ReceiveDispatchAsync("READY");
        return (gateway, ready);
    }

    public static JsonObject Identify(string token, int intents) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "tests", ["device"] = "tests" },
        },
    };

    public async Task SendAsync(JsonNode payload) => await SendTextAsync(payload.ToJsonString());

    public async Task SendTextAsync(string text)
    {
        using var cts = new CancellationTokenSource(_timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cts.Token);
    }

    /// <summary>The next payload, or null once the server closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(_timeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        LastFrames = 0;
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(chunk, cts.Token);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            LastFrames++;
            LastType = result.MessageType;
            if (result.EndOfMessage)
            {
                return (JsonObject)JsonNode.Parse(result.MessageType == WebSocketMessageType.Binary ? Inflate(buffer.ToArray()) : buffer.ToArray())!;
            }
        }
    }

    private byte[] Inflate(byte[] message)
    {
        var inflate = _inflate ?? throw new InvalidOperationException("A binary message on a connection without compress=zlib-stream.");
        Assert.Equal([0x00, 0x00, 0xFF, 0xFF], message.AsSpan(message.Length - 4).ToArray());
        _compressed.SetLength(0);
        _compressed.Write(message);
        _compressed.Position = 0;
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Skips payloads until a dispatch named <paramref name="type"/>; fails if the socket closes first.</summary>
    public async Task<JsonObject> ReceiveDispatchAsync(string type)
    {
        while (true)
        {
            var payload = await ReceiveAsync() ?? throw new InvalidOperationException($"Closed ({CloseStatus}) before {type} arrived.");
            if (payload["op"]!.GetValue<int>() == 0 && payload["t"]!.GetValue<string>() == type)
            {
                return payload;
            }
        }
    }

    /// <summary>Reads until the server closes, returning the close code.</summary>
    public async Task<int?> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int?)CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(_timeout);
            try
            {
                await _socket.CloseAsync((WebSocketCloseStatus)4000, "test done", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may already be gone.
            }
        }

        _socket.Dispose();
        _inflate?.Dispose();
        _compressed.Dispose();
    }
}
