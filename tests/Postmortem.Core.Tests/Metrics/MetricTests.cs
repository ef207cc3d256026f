using Postmortem.Core.Metrics;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Metrics;

public sealed class MetricTests
{
    [Theory]
    [InlineData("| Day | ICEs |\n| --- | --- |\n| Thu | 2 |", true)]
    [InlineData("Day | ICEs\n--- | ---\nThu | 2", true)]
    [InlineData("| Day | ICEs |\n|:--|--:|", true)]
    [InlineData("| Day | ICEs |\n| --- | --- |\n| a \\| b | 2 |", true)]
    [InlineData("| Day | ICEs |", false)]
    [InlineData("| Day | ICEs |\n| Thu | 2 |", false)]
    [InlineData("| Day | ICEs |\n| --- |", false)]
    [InlineData("| Day | ICEs |\n| --- | --- |\nnot a row", false)]
    [InlineData("Just a sentence.\nAnother one.", false)]
    public void MarkdownTable_AcceptsOnlyRealTables(string markdown, bool valid) =>
        Assert.Equal(valid, MarkdownTable.Validate(markdown) is null);

    [Fact]
    public void AddMetricImage_AcceptsALinkOrAnAttachment()
    {
        var pm = Draft();

        var link = pm.Do(new AddMetricImage(" https://example.org/graph.png ", null, "ICE reports"));
        var attachment = pm.Do(new AddMetricImage(null, "998877", ""));

        Assert.Equal(("https://example.org/graph.png", MetricKind.Image), (pm.Metrics[0].Url, pm.Metrics[0].Kind));
        Assert.Equal("998877", pm.Metrics[1].AttachmentId);
        Assert.Equal([1, 2], [link, attachment]);
    }

    [Fact]
    public void AddMetricImage_WithAnUploadsLinkAndAttachmentId_KeepsBoth()
    {
        var pm = Draft();

        var id = pm.Do(new AddMetricImage("https://cdn.example.org/attachments/1/998877/graph.png", " 998877 ", "ICE reports"));

        Assert.Equal(1, id);
        Assert.Equal(
            ("https://cdn.example.org/attachments/1/998877/graph.png", "998877"),
            (pm.Metrics[0].Url, pm.Metrics[0].AttachmentId));
    }

    [Fact]
    public void RemoveMetric_DoesNotReuseItsId()
    {
        var pm = Draft();
        var first = pm.Do(new AddMetricTable("| a | b |\n| - | - |", "t"));

        pm.Do(new RemoveMetric(first));
        var second = pm.Do(new AddMetricTable("| a | b |\n| - | - |", "t"));

        Assert.Equal(2, second);
        Assert.Single(pm.Metrics);
    }
}
