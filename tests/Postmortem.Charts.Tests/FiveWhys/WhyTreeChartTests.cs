using Postmortem.Charts.FiveWhys;
using Postmortem.Charts.Rendering;
using Postmortem.Charts.Tests.Support;
using Postmortem.Core.FiveWhys;

namespace Postmortem.Charts.Tests.FiveWhys;

public sealed class WhyTreeChartTests
{
    private readonly PostmortemPictures _pictures = new();

    [Fact]
    public void Whys_WithoutWhys_IsEmpty() => Assert.Empty(_pictures.Whys(Samples.Draft(), maxImages: 9));

    [Fact]
    public void Whys_SmallTree_IsOnePngOfSaneSize()
    {
        var image = Assert.Single(_pictures.Whys(Samples.Draft().WithWhys(8, topLevel: 2), maxImages: 9));

        Png.AssertSane(image);
        Assert.Equal("whys.png", image.FileName);
        Assert.Contains("8 whys", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Whys_LargeTree_IsOnePicturePerTopLevelWhy()
    {
        var postmortem = Samples.Draft().WithWhys(60, topLevel: 3);
        Assert.True(WhyTree.Build(postmortem).Whys.Count + WhyTree.Build(postmortem).Answers.Count > WhyTreeChart.SplitAbove);

        var images = _pictures.Whys(postmortem, maxImages: 9);

        Assert.Equal(["whys-1.png", "whys-2.png", "whys-3.png"], images.Select(i => i.FileName));
        Assert.All(images, i => Png.AssertSane(i, minHeight: 150));
        Assert.Contains("(Why 2 of 3 top-level whys)", images[1].AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Whys_ManyBranches_AreGroupedIntoAtMostMaxImages()
    {
        var postmortem = Samples.Draft().WithWhys(60, topLevel: 7);

        var images = _pictures.Whys(postmortem, maxImages: 3);

        var groups = WhyTreeChart.Group(WhyTree.Build(postmortem).Roots, 3);
        Assert.Equal(3, images.Count);
        Assert.Equal(groups.Select(g => g.Count == 1 ? $"whys-{g[0].Why.Path}.png" : $"whys-{g[0].Why.Path}-{g[^1].Why.Path}.png"), images.Select(i => i.FileName));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            groups.SelectMany(g => g).Select(w => w.Why.Path));
    }

    [Fact]
    public void RootCauses_AreMarkedInRed_AndNamedInTheAltText()
    {
        var postmortem = Samples.Draft().WithWhys(6, topLevel: 1);
        var tree = WhyTree.Build(postmortem);
        var causes = tree.RootCauses.Select(a => a.Label).ToList();
        Assert.NotEmpty(causes);

        var marked = Assert.Single(_pictures.Whys(postmortem, 9));
        foreach (var cause in tree.RootCauses.ToList())
        {
            postmortem.Do(new Core.FiveWhys.MarkRootCause(cause.Id, IsRootCause: false));
        }

        var unmarked = Assert.Single(_pictures.Whys(postmortem, 9));

        Assert.Contains("root causes " + string.Join(", ", causes), marked.AltText, StringComparison.Ordinal);
        Assert.Contains("no root cause marked yet", unmarked.AltText, StringComparison.Ordinal);
        Assert.True(Png.CountNear(marked.Png, ChartTheme.Red) > 500);
        // Only the legend's swatch is red without root causes.
        Assert.True(Png.CountNear(unmarked.Png, ChartTheme.Red) < 120);
    }

    [Fact]
    public void Whys_RenderedTwice_IsTheSamePicture()
    {
        var postmortem = Samples.Draft().WithWhys(60, topLevel: 2);

        var first = Assert.Single(_pictures.Whys(postmortem, maxImages: 1));
        var second = Assert.Single(_pictures.Whys(postmortem, maxImages: 1));

        Assert.True(ImageDiff.ChangedFraction(first.Png, second.Png) < ImageDiff.VisibleChange);
    }

    [Fact]
    public void Whys_WhenAnAnswerIsAdded_ChangesVisibly()
    {
        var postmortem = Samples.Draft().WithWhys(10, topLevel: 2);
        var before = Assert.Single(_pictures.Whys(postmortem, 9));
        var first = WhyTree.Build(postmortem).Roots[0];

        // A second answer to the first why moves its subtree and everything below it.
        postmortem.Do(new AnswerWhy(first.Why.Id, "Another answer that takes a few lines of text to say what it says."));
        var after = Assert.Single(_pictures.Whys(postmortem, 9));

        Assert.True(ImageDiff.ChangedFraction(before.Png, after.Png) > ImageDiff.VisibleChange);
    }

    [Fact]
    public void Whys_WhenAWhyMovesToAnotherAnswer_ChangesVisibly()
    {
        var build = () =>
        {
            var pm = Samples.Draft();
            var why = pm.Do(new AskWhy(null, "Why did users hit ICEs after upgrading?"));
            var a = pm.Do(new AnswerWhy(why, "A new verification check."));
            var b = pm.Do(new AnswerWhy(why, "Few developers use beta."));
            return (pm, a, b);
        };
        var (left, leftA, _) = build();
        left.Do(new AskWhy(leftA, "Why did the check ship in a stable release?"));
        var (right, _, rightB) = build();
        right.Do(new AskWhy(rightB, "Why did the check ship in a stable release?"));

        var first = Assert.Single(_pictures.Whys(left, 9));
        var second = Assert.Single(_pictures.Whys(right, 9));

        Assert.True(ImageDiff.ChangedFraction(first.Png, second.Png) > ImageDiff.VisibleChange);
    }

    [Fact]
    public void LongTexts_AreWrapped_AndCutWithAnEllipsis()
    {
        var postmortem = Samples.Draft();
        postmortem.Do(new AskWhy(null, string.Join(' ', Enumerable.Repeat("incremental compilation fingerprints", 60))));

        var image = Assert.Single(_pictures.Whys(postmortem, 9));

        Png.AssertSane(image, minHeight: 100);
        Assert.True(image.Height < 400, $"{image.Height} px for one why");
    }
}
