namespace Postmortem.Charts.FiveWhys;

/// <summary>A box to place: its size, its children in order, and (after <see cref="TidyTree.Layout"/>) its top-left corner.</summary>
internal sealed class TreeBox<T>(T item, float width, float height, IReadOnlyList<TreeBox<T>> children)
{
    public T Item { get; } = item;

    public float Width { get; } = width;

    public float Height { get; } = height;

    public IReadOnlyList<TreeBox<T>> Children { get; } = children;

    public float X { get; internal set; }

    public float Y { get; internal set; }

    public int Depth { get; internal set; }

    public float CenterY => Y + (Height / 2);
}

/// <summary>
/// A tidy tree layout (Reingold and Tilford's, with per-depth contours), left to right: each depth is a column as
/// wide as its widest box; along a column, every subtree is pushed down just far enough that no part of it comes
/// closer than the gap to the subtrees above it, at any depth, and each parent sits centred on its first and last
/// child. Boxes never overlap and edges between neighbouring columns never cross. Runs in O(nodes x depth).
/// </summary>
internal static class TidyTree
{
    /// <summary>Places every box and returns the size of the whole drawing (origin at 0, 0).</summary>
    public static (float Width, float Height) Layout<T>(TreeBox<T> root, float columnGap, float siblingGap, float subtreeGap)
    {
        ArgumentNullException.ThrowIfNull(root);
        var columns = new List<float>();
        var offsets = new Dictionary<TreeBox<T>, float>(ReferenceEqualityComparer.Instance);
        var contour = Place(root, 0, columns, offsets, siblingGap, subtreeGap);

        var columnX = new float[columns.Count];
        for (var d = 1; d < columns.Count; d++)
        {
            columnX[d] = columnX[d - 1] + columns[d - 1] + columnGap;
        }

        var top = contour.Min(c => c.Top);
        var bottom = contour.Max(c => c.Bottom);
        Position(root, -top, columnX, offsets);
        return (columnX[^1] + columns[^1], bottom - top);
    }

    // Lays out the subtree with its root's centre at 0; returns its contour (top and bottom edge per depth below the
    // root) and records each child's centre relative to its parent's in offsets.
    private static List<(float Top, float Bottom)> Place<T>(
        TreeBox<T> box, int depth, List<float> columns, Dictionary<TreeBox<T>, float> offsets, float siblingGap, float subtreeGap)
    {
        box.Depth = depth;
        if (columns.Count <= depth)
        {
            columns.Add(0);
        }

        columns[depth] = Math.Max(columns[depth], box.Width);
        var half = box.Height / 2;
        if (box.Children.Count == 0)
        {
            return [(-half, half)];
        }

        var centres = new float[box.Children.Count];
        var merged = Place(box.Children[0], depth + 1, columns, offsets, siblingGap, subtreeGap);
        for (var i = 1; i < box.Children.Count; i++)
        {
            var next = Place(box.Children[i], depth + 1, columns, offsets, siblingGap, subtreeGap);
            var shift = float.MinValue;
            for (var level = 0; level < Math.Min(merged.Count, next.Count); level++)
            {
                var gap = level == 0 ? siblingGap : subtreeGap;
                shift = Math.Max(shift, merged[level].Bottom - next[level].Top + gap);
            }

            centres[i] = shift;
            for (var level = 0; level < next.Count; level++)
            {
                var (top, bottom) = (next[level].Top + shift, next[level].Bottom + shift);
                if (level < merged.Count)
                {
                    merged[level] = (Math.Min(merged[level].Top, top), Math.Max(merged[level].Bottom, bottom));
                }
                else
                {
                    merged.Add((top, bottom));
                }
            }
        }

        var middle = (centres[0] + centres[^1]) / 2;
        for (var i = 0; i < box.Children.Count; i++)
        {
            offsets[box.Children[i]] = centres[i] - middle;
        }

        var contour = new List<(float Top, float Bottom)>(merged.Count + 1) { (-half, half) };
        contour.AddRange(merged.Select(c => (c.Top - middle, c.Bottom - middle)));
        return contour;
    }

    private static void Position<T>(TreeBox<T> root, float rootCentre, float[] columnX, Dictionary<TreeBox<T>, float> offsets)
    {
        var pending = new Stack<(TreeBox<T> Box, float Centre)>();
        pending.Push((root, rootCentre));
        while (pending.TryPop(out var current))
        {
            var (box, centre) = current;
            box.X = columnX[box.Depth];
            box.Y = centre - (box.Height / 2);
            foreach (var child in box.Children)
            {
                pending.Push((child, centre + offsets[child]));
            }
        }
    }
}
