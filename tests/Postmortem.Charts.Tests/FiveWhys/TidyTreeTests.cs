using Postmortem.Charts.FiveWhys;
using Postmortem.Charts.Tests.Support;
using Postmortem.Core.FiveWhys;

namespace Postmortem.Charts.Tests.FiveWhys;

public sealed class TidyTreeTests
{
    private const float ColumnGap = 40;
    private const float SiblingGap = 10;

    [Fact]
    public void Layout_OfAWhyTreeWith60Whys_HasNoOverlappingBoxes()
    {
        var tree = WhyTree.Build(Samples.Draft().WithWhys(60, topLevel: 1, answersPerWhy: 3));
        using var font = WhyCard.TextFont();
        var root = WhyCard.Branch(tree.Roots[0], font);

        var (width, height) = TidyTree.Layout(root, ColumnGap, SiblingGap, 20);

        var boxes = All(root).ToList();
        Assert.True(boxes.Count > 100, $"{boxes.Count} boxes");
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.InRange(boxes[i].X, 0, width - boxes[i].Width + 0.01f);
            Assert.InRange(boxes[i].Y, -0.01f, height - boxes[i].Height + 0.01f);
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(Overlap(boxes[i], boxes[j]), $"boxes {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void Layout_PutsEachDepthInItsOwnColumn_AndChildrenInOrder()
    {
        var root = Box(100, 30, Box(80, 20, Box(60, 50)), Box(120, 40), Box(80, 20));

        TidyTree.Layout(root, ColumnGap, SiblingGap, 20);

        Assert.Equal(0, root.X);
        Assert.All(root.Children, c => Assert.Equal(100 + ColumnGap, c.X));
        Assert.Equal(100 + ColumnGap + 120 + ColumnGap, root.Children[0].Children[0].X);
        var ys = root.Children.Select(c => c.Y).ToList();
        Assert.Equal(ys.Order(), ys);
        Assert.Equal(root.Children[1].Y, root.Children[0].Y + root.Children[0].Height + SiblingGap, 3);
    }

    [Fact]
    public void Layout_CentresAParentOnItsFirstAndLastChild()
    {
        var root = Box(100, 30, Box(80, 20), Box(80, 60), Box(80, 20));

        TidyTree.Layout(root, ColumnGap, SiblingGap, 20);

        var expected = (root.Children[0].CenterY + root.Children[^1].CenterY) / 2;
        Assert.Equal(expected, root.CenterY, 3);
    }

    [Fact]
    public void Layout_SeparatesSubtreesAtEveryDepth_NotOnlyTheirRoots()
    {
        // The first child's subtree is deep and tall; the second child is small. Its deep neighbours must not
        // collide with the second child's own subtree.
        var root = Box(50, 20, Box(50, 20, Box(50, 20), Box(50, 20), Box(50, 20, Box(50, 200))), Box(50, 20, Box(50, 20, Box(50, 100))));

        TidyTree.Layout(root, ColumnGap, SiblingGap, 20);

        var boxes = All(root).ToList();
        Assert.DoesNotContain(boxes, a => boxes.Any(b => !ReferenceEquals(a, b) && Overlap(a, b)));
    }

    private static TreeBox<int> Box(float width, float height, params TreeBox<int>[] children) => new(0, width, height, children);

    private static IEnumerable<TreeBox<T>> All<T>(TreeBox<T> box) => box.Children.SelectMany(All).Prepend(box);

    private static bool Overlap<T>(TreeBox<T> a, TreeBox<T> b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
