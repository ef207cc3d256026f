using Postmortem.Core.Export;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Core.Tests.Fakes;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Export;

public sealed class ExportBundleTests
{
    private static readonly PostmortemTemplate _template = BuiltInTemplates.RustCompiler2021;
    private readonly FakePictures _pictures = new();

    [Fact]
    public void InFolder_LinksEachPictureFromItsSection_InNameDotAssets()
    {
        var postmortem = Sample(topLevelWhys: 2);

        var document = ExportBundle.InFolder(postmortem, _template, ExportOptions.Default, _pictures, "rust-1.52.md", maxPictures: 9);

        Assert.Equal("rust-1.52.md", document.FileName);
        Assert.Equal(["rust-1.52.assets/timeline.png", "rust-1.52.assets/whys-1.png", "rust-1.52.assets/whys-2.png", "rust-1.52.assets/metric-1.png"],
            document.Pictures.Select(a => a.RelativePath));
        var md = document.Markdown;
        Assert.Contains("![Timeline in UTC](rust-1.52.assets/timeline.png)", md, StringComparison.Ordinal);
        Assert.True(Index(md, "## Timeline") < Index(md, "timeline.png") && Index(md, "timeline.png") < Index(md, "## Leadup"));
        Assert.True(Index(md, "## Five Whys") < Index(md, "whys-1.png") && Index(md, "whys-2.png") < Index(md, "## Lessons"));
        Assert.True(Index(md, "## Metrics") < Index(md, "metric-1.png") && Index(md, "metric-1.png") < Index(md, "## User Impact"));
    }

    [Fact]
    public void Flat_NamesPicturesBesideTheDocument_ForChatAttachments()
    {
        var document = ExportBundle.Flat(Sample(topLevelWhys: 1), _template, ExportOptions.Default, _pictures, "postmortem-12-ices.md", maxPictures: 9);

        Assert.All(document.Pictures, a => Assert.StartsWith("postmortem-12-ices.", a.RelativePath, StringComparison.Ordinal));
        Assert.All(document.Pictures, a => Assert.DoesNotContain('/', a.RelativePath));
        Assert.Contains("](postmortem-12-ices.timeline.png)", document.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void PictureBudget_KeepsRoomForTheWhys_AndIsNeverExceeded()
    {
        var postmortem = Sample(topLevelWhys: 6);
        postmortem.Do(new AddMetricTable("| A | B |\n| --- | --- |\n| x | 2 |", "Second"));
        postmortem.Do(new AddMetricTable("| A | B |\n| --- | --- |\n| x | 3 |", "Third"));
        postmortem.Do(new AddMetricTable("| A | B |\n| --- | --- |\n| x | 4 |", "Fourth"));

        var document = ExportBundle.Flat(postmortem, _template, ExportOptions.Default, _pictures, "pm.md", maxPictures: 5);

        Assert.Equal(5, document.Pictures.Count);
        Assert.Equal(1, document.Pictures.Count(a => a.Image.FileName == "timeline.png"));
        Assert.Equal(3, document.Pictures.Count(a => a.Image.FileName.StartsWith("metric-", StringComparison.Ordinal)));
        Assert.Equal([1], _pictures.WhysBudgets);
    }

    [Fact]
    public void TablesWithoutNumbers_AndSkippedSections_GetNoPictures()
    {
        var postmortem = Draft();
        postmortem.Do(new AddMetricTable("| What | Who |\n| --- | --- |\n| paged | on-call |", "Who was paged"));
        postmortem.Do(new AddTimelineEntry(Now, "released", TimelineEntryKind.EventStart));
        postmortem.Do(new SkipSection("timeline", "later"));

        var document = ExportBundle.InFolder(postmortem, _template, ExportOptions.Default, _pictures, "pm.md", maxPictures: 9);

        Assert.Empty(document.Pictures);
        Assert.DoesNotContain("![", document.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_EscapeTheAltText_AndEncodeThePath()
    {
        var postmortem = Sample(topLevelWhys: 1);

        var document = ExportBundle.InFolder(postmortem, _template, ExportOptions.Default, _pictures, "my notes (draft).md", maxPictures: 9);

        Assert.Contains("![Why \\[1\\]](my%20notes%20%28draft%29.assets/whys-1.png)", document.Markdown, StringComparison.Ordinal);
    }

    private static Core.Postmortem Sample(int topLevelWhys)
    {
        var postmortem = Draft();
        postmortem.Do(new AddTimelineEntry(Now.AddDays(-4), "1.52.0 released", TimelineEntryKind.EventStart));
        postmortem.Do(new AddMetricTable("| Day | Reports |\n| --- | ---: |\n| Thu | 2 |", "Reports"));
        for (var i = 0; i < topLevelWhys; i++)
        {
            postmortem.Do(new AskWhy(null, $"Why {i}?"));
        }

        return postmortem;
    }

    private static int Index(string text, string value)
    {
        var index = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{value}' not found");
        return index;
    }
}
