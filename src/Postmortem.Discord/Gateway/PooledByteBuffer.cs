using System.Buffers;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// A growable byte buffer on <see cref="ArrayPool{T}"/>: gateway messages (a GUILD_CREATE can be
/// megabytes) arrive in many websocket frames and are assembled here without a fresh array each time.
/// </summary>
internal sealed class PooledByteBuffer(int initialCapacity = 16 * 1024) : IDisposable
{
    // Keep a huge buffer after one giant message for at most this size; beyond it give the memory back.
    private const int RetainedCapacity = 1024 * 1024;

    private byte[] _array = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _length;

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _length);

    public int Length => _length;

    /// <summary>Free space of at least <paramref name="sizeHint"/> bytes after the written part.</summary>
    public Memory<byte> GetMemory(int sizeHint = 4096)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        if (_array.Length - _length < sizeHint)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + sizeHint));
            _array.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }

        return _array.AsMemory(_length);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _length);
        _length += count;
    }

    public void Reset()
    {
        _length = 0;
        if (_array.Length > RetainedCapacity)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = ArrayPool<byte>.Shared.Rent(initialCapacity);
        }
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
            _length = 0;
        }
    }
}
