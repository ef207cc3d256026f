using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;

namespace Postmortem.Storage.LiteDb.Postmortems;

/// <summary>
/// The last state this process loaded or saved for each recently used postmortem, keyed by id and version.
/// A load still asks the database for the current version and only reuses the state when it matches, so the
/// cache can be stale but never wrong: it saves the JSON parse on the hot path, nothing else. States are
/// immutable records and <see cref="Core.Postmortem.FromState"/> copies them, so sharing one is safe.
/// </summary>
internal sealed class LoadedStateCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<PostmortemId, LinkedListNode<Entry>> _byId = [];
    private readonly LinkedList<Entry> _byRecency = [];

    /// <summary>One cached version, with the action item rows it projects to (see <see cref="ActionItemProjection.RowsOf"/>).</summary>
    internal sealed record Entry(PostmortemId Id, long Version, PostmortemState State, IReadOnlyList<ProjectedActionItem> ActionItems);

    public Entry? Find(PostmortemId id)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var node))
            {
                return null;
            }

            _byRecency.Remove(node);
            _byRecency.AddFirst(node);
            return node.Value;
        }
    }

    public void Remember(Entry entry)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_byId.TryGetValue(entry.Id, out var existing))
            {
                if (existing.Value.Version > entry.Version)
                {
                    return;
                }

                _byRecency.Remove(existing);
            }

            _byId[entry.Id] = _byRecency.AddFirst(entry);
            while (_byId.Count > capacity)
            {
                _byId.Remove(_byRecency.Last!.Value.Id);
                _byRecency.RemoveLast();
            }
        }
    }
}
