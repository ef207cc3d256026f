using System.IO.Compression;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// Undoes zlib-stream transport compression for ONE connection (events/gateway.mdx "zlib-stream"): the server
/// runs a single deflate context for the whole connection and ends each payload with a Z_SYNC_FLUSH, so the
/// bytes are buffered until they end with 00 00 FF FF and then inflated through the one shared inflate context.
/// A new connection needs a new instance: the context cannot be reset or shared.
/// </summary>
internal sealed class ZlibStreamInflater : IDisposable
{
    private const int RetainedCapacity = 1024 * 1024;

    private static ReadOnlySpan<byte> SyncFlushSuffix => [0x00, 0x00, 0xFF, 0xFF];

    // The inflater pulls compressed bytes from here; it is refilled with each complete payload.
    private readonly MemoryStream _compressed = new();
    private readonly ZLibStream _inflate;
    private readonly PooledByteBuffer _output = new();

    public ZlibStreamInflater() => _inflate = new ZLibStream(_compressed, CompressionMode.Decompress, leaveOpen: true);

    /// <summary>
    /// Adds one websocket message. Returns the inflated payload (valid until the next call) once the buffered
    /// bytes end with the sync-flush suffix, or null while a payload is still incomplete.
    /// </summary>
    public ReadOnlyMemory<byte>? Push(ReadOnlySpan<byte> message)
    {
        _compressed.Seek(0, SeekOrigin.End);
        _compressed.Write(message);
        var buffered = _compressed.GetBuffer().AsSpan(0, (int)_compressed.Length);
        if (!buffered.EndsWith(SyncFlushSuffix))
        {
            return null;
        }

        _compressed.Position = 0;
        _output.Reset();
        while (true)
        {
            // Read returns 0 once the inflater has used every buffered byte; the context stays open for the next payload.
            var read = _inflate.Read(_output.GetMemory().Span);
            if (read == 0)
            {
                break;
            }

            _output.Advance(read);
        }

        _compressed.SetLength(0);
        if (_compressed.Capacity > RetainedCapacity)
        {
            // One huge GUILD_CREATE should not pin its compressed size for the life of the connection.
            _compressed.Capacity = 0;
        }

        return _output.WrittenMemory;
    }

    public void Dispose()
    {
        _inflate.Dispose();
        _compressed.Dispose();
        _output.Dispose();
    }
}
