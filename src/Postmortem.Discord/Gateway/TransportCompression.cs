namespace Postmortem.Discord.Gateway;

/// <summary>
/// The gateway's transport compression, the <c>compress</c> query parameter (events/gateway.mdx "Transport
/// Compression"). Discord offers zlib-stream and zstd-stream; this client speaks zlib-stream, which
/// System.IO.Compression covers.
/// </summary>
public enum TransportCompression
{
    /// <summary>Plain JSON text frames.</summary>
    None,

    /// <summary>One zlib context per connection; every payload ends with the Z_SYNC_FLUSH suffix 00 00 FF FF.</summary>
    ZlibStream,

    /// <summary>Offered by Discord but not supported by this client: the options validator refuses it.</summary>
    ZstdStream,
}

internal static class TransportCompressionQuery
{
    /// <summary>The query string to connect with, e.g. "v=10&amp;encoding=json&amp;compress=zlib-stream".</summary>
    public static string For(TransportCompression compression) => compression switch
    {
        TransportCompression.None => "v=10&encoding=json",
        TransportCompression.ZlibStream => "v=10&encoding=json&compress=zlib-stream",
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "This client supports only none and zlib-stream."),
    };
}
