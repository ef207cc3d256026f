using System.Collections.ObjectModel;

namespace Postmortem.Core.Postmortems;

/// <summary>An insertion-ordered list of immutable items with O(1) lookup and replacement by key.</summary>
internal sealed class KeyedItems<TKey, TItem>
    where TKey : notnull
    where TItem : class
{
    private readonly Func<TItem, TKey> _keyOf;
    private readonly List<TItem> _items = [];
    private readonly Dictionary<TKey, int> _indexByKey;

    public KeyedItems(Func<TItem, TKey> keyOf, IEnumerable<TItem>? items = null, IEqualityComparer<TKey>? comparer = null)
    {
        _keyOf = keyOf;
        _indexByKey = new Dictionary<TKey, int>(comparer);
        Items = _items.AsReadOnly();
        foreach (var item in items ?? [])
        {
            Add(item);
        }
    }

    public ReadOnlyCollection<TItem> Items { get; }

    public int Count => _items.Count;

    public TItem? Find(TKey key) => _indexByKey.TryGetValue(key, out var index) ? _items[index] : null;

    public void Add(TItem item)
    {
        var key = _keyOf(item);
        if (!_indexByKey.TryAdd(key, _items.Count))
        {
            throw new InvalidOperationException($"Duplicate key {key} in {typeof(TItem).Name} list.");
        }

        _items.Add(item);
    }

    /// <summary>Replaces the item with the same key, keeping its position.</summary>
    public void Replace(TItem item) => _items[_indexByKey[_keyOf(item)]] = item;

    public void Upsert(TItem item)
    {
        if (_indexByKey.ContainsKey(_keyOf(item)))
        {
            Replace(item);
        }
        else
        {
            Add(item);
        }
    }

    public bool Remove(TKey key)
    {
        if (!_indexByKey.TryGetValue(key, out var index))
        {
            return false;
        }

        _items.RemoveAt(index);
        _indexByKey.Remove(key);
        for (var i = index; i < _items.Count; i++)
        {
            _indexByKey[_keyOf(_items[i])] = i;
        }

        return true;
    }

    public TItem[] ToArray() => [.. _items];
}
