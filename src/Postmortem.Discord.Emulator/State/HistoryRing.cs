namespace Postmortem.Discord.Emulator;

/// <summary>
/// The last <c>capacity</c> entries of a log the emulator records for tests (null capacity: all of them), and how
/// many there were in total. Not thread-safe: the owner locks.
/// </summary>
internal sealed class HistoryRing<T>(int? capacity)
{
    private readonly Queue<T> _items = new();

    /// <summary>Entries ever added, including those the ring has let go.</summary>
    public long Total { get; private set; }

    public int Count => _items.Count;

    public void Add(T item)
    {
        _items.Enqueue(item);
        Total++;
        if (capacity is { } limit && _items.Count > limit)
        {
            _items.Dequeue();
        }
    }

    public T[] Snapshot() => [.. _items];
}
