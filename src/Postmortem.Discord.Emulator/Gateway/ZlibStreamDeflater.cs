using System.IO.Compression;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// The server side of zlib-stream: ONE deflate context for the whole connection, flushed with Z_SYNC_FLUSH after
/// every payload so each ends with 00 00 FF FF and a client can inflate it with the context it keeps.
/// </summary>
internal sealed class ZlibStreamDeflater : IDisposable
{
    private readonly MemoryStream _compressed = new();
    private readonly ZLibStream _deflate;

    public ZlibStreamDeflater() => _deflate = new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);

    /// <summary>The compressed bytes of <paramref name="payload"/>, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Deflate(ReadOnlySpan<byte> payload)
    {
        _compressed.SetLength(0);
        _deflate.Write(payload);
        _deflate.Flush(); // a sync flush: everything so far is out, ending in 00 00 FF FF
        return _compressed.GetBuffer().AsMemory(0, (int)_compressed.Length);
    }

    public void Dispose()
    {
        _deflate.Dispose();
        _compressed.Dispose();
    }
}
