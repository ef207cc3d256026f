using System.IO.Compression;
using System.Text;
using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Tests.Gateway;

/// <summary>zlib-stream as events/gateway.mdx describes it: one deflate context per connection, Z_SYNC_FLUSH per payload.</summary>
public sealed class ZlibStreamInflaterTests
{
    [Fact]
    public void Payloads_InflateThroughOneContext_InOrder()
    {
        using var server = new Deflater();
        using var inflater = new ZlibStreamInflater();
        var hello = """{"op":10,"d":{"heartbeat_interval":41250}}""";

        Assert.Equal(hello, Text(inflater.Push(server.Deflate(hello))));
        // The second payload refers back to the first (deflate's window): it only inflates in the same context.
        Assert.Equal(hello, Text(inflater.Push(server.Deflate(hello))));
        var big = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"id\":\"{i}\"}},"));
        Assert.Equal(big, Text(inflater.Push(server.Deflate(big))));
    }

    [Fact]
    public void Payload_SplitOverSeveralMessages_WaitsForTheSyncFlushSuffix()
    {
        using var server = new Deflater();
        using var inflater = new ZlibStreamInflater();
        var payload = server.Deflate("""{"op":0,"t":"READY","s":1,"d":{"v":10}}""");

        Assert.Null(inflater.Push(payload.AsSpan(..5)));
        Assert.Null(inflater.Push(payload.AsSpan(5..^2)));
        Assert.Equal("""{"op":0,"t":"READY","s":1,"d":{"v":10}}""", Text(inflater.Push(payload.AsSpan(^2..))));
    }

    [Fact]
    public void AFreshContext_CannotReadTheMiddleOfAnotherConnectionsStream()
    {
        using var server = new Deflater();
        server.Deflate("first");
        var second = server.Deflate("second");
        using var inflater = new ZlibStreamInflater();

        Assert.ThrowsAny<InvalidDataException>(() => inflater.Push(second));
    }

    private static string Text(ReadOnlyMemory<byte>? payload) => Encoding.UTF8.GetString(Assert.NotNull(payload).Span);

    /// <summary>What Discord does: one ZLib compressor, flushed after each payload.</summary>
    private sealed class Deflater : IDisposable
    {
        private readonly MemoryStream _out = new();
        private readonly ZLibStream _zlib;

        public Deflater() => _zlib = new ZLibStream(_out, CompressionLevel.Optimal, leaveOpen: true);

        public byte[] Deflate(string text)
        {
            _out.SetLength(0);
            _zlib.Write(Encoding.UTF8.GetBytes(text));
            _zlib.Flush();
            var bytes = _out.ToArray();
            Assert.Equal([0x00, 0x00, 0xFF, 0xFF], bytes[^4..]);
            return bytes;
        }

        public void Dispose()
        {
            _zlib.Dispose();
            _out.Dispose();
        }
    }
}
