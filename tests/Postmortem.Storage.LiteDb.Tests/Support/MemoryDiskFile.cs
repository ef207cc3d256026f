using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Tests.Support;

/// <summary>
/// A file in memory whose <see cref="Sync"/> costs nothing, for tests about LiteDB at scale rather than about the
/// disk. Disposing keeps the bytes, so a new database over the same object is a restart.
/// </summary>
internal sealed class MemoryDiskFile(string name) : DiskFile
{
    private byte[] _bytes = [];
    private long _length;

    public override string Name => name;

    public override long Length => _length;

    public override int Read(long position, Span<byte> buffer)
    {
        var count = (int)Math.Max(0, Math.Min(buffer.Length, _length - position));
        _bytes.AsSpan((int)position, count).CopyTo(buffer);
        return count;
    }

    public override void Write(long position, ReadOnlySpan<byte> data)
    {
        Grow(position + data.Length);
        data.CopyTo(_bytes.AsSpan((int)position));
        _length = Math.Max(_length, position + data.Length);
    }

    public override void SetLength(long length)
    {
        Grow(length);
        if (length < _length)
        {
            Array.Clear(_bytes, (int)length, (int)(_length - length));
        }

        _length = length;
    }

    public override void Sync()
    {
    }

    private void Grow(long length)
    {
        if (length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(length, _bytes.Length * 2L)));
        }
    }
}
