namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>
/// A real file, unbuffered in .NET (every write reaches the OS at once) and opened exclusively: on Linux .NET takes
/// an advisory lock for <see cref="FileShare.None"/>, so a second process cannot open the same database by mistake.
/// <see cref="Sync"/> is <see cref="FileStream.Flush(bool)"/> with true, which is fsync.
/// </summary>
internal sealed class OsDiskFile : DiskFile
{
    private readonly FileStream _stream;

    public OsDiskFile(string path)
    {
        Name = path;
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess);
    }

    public override string Name { get; }

    public override long Length => _stream.Length;

    public override int Read(long position, Span<byte> buffer) => RandomAccess.Read(_stream.SafeFileHandle, buffer, position);

    public override void Write(long position, ReadOnlySpan<byte> data) => RandomAccess.Write(_stream.SafeFileHandle, data, position);

    public override void SetLength(long length) => _stream.SetLength(length);

    public override void Sync() => _stream.Flush(flushToDisk: true);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
