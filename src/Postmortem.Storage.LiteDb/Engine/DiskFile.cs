namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>
/// A file as the durability protocol sees it: positioned reads and writes that may sit in the OS cache, and
/// <see cref="Sync"/>, after which everything written before is on stable storage. The real one is
/// <see cref="OsDiskFile"/>; the power-cut tests put a simulated disk here.
/// </summary>
internal abstract class DiskFile : IDisposable
{
    /// <summary>The file's path (for messages), never a secret.</summary>
    public abstract string Name { get; }

    public abstract long Length { get; }

    /// <summary>Reads up to <paramref name="buffer"/>'s length at <paramref name="position"/>; returns how many bytes were read (0 at the end).</summary>
    public abstract int Read(long position, Span<byte> buffer);

    public abstract void Write(long position, ReadOnlySpan<byte> data);

    public abstract void SetLength(long length);

    /// <summary>fsync: returns once every earlier write and length change is on stable storage.</summary>
    public abstract void Sync();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
