using Postmortem.Charts.Metrics;
using Postmortem.Charts.Tests.Support;
using Postmortem.Core.Commands;
using Postmortem.Core.Metrics;

namespace Postmortem.Charts.Tests.Metrics;

public sealed class TableChartTests
{
    private readonly PostmortemPictures _pictures = new();

    [Fact]
    public void Table_OfCategories_IsABarChart()
    {
        var outcome = _pictures.Table(Samples.Table("| Crate | ICE reports |\n| --- | ---: |\n| rustc | 31 |\n| cargo | 9 |\n| servo | 14 |"));

        Assert.Null(outcome.Error);
        Png.AssertSane(outcome.Image!);
        Assert.StartsWith("Bar chart of ICE reports per day: ICE reports by Crate", outcome.Image!.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_OverDays_IsALineChart()
    {
        var outcome = _pictures.Table(Samples.Table("| Day | ICE reports |\n| --- | ---: |\n| Thu | 2 |\n| Fri | 9 |\n| Sun | 31 |"));

        Assert.StartsWith("Line chart", outcome.Image!.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_WithoutNumbers_IsRefusedWithAClearMessage()
    {
        var outcome = _pictures.Table(Samples.Table("| What | Who |\n| --- | --- |\n| paged | on-call |"));

        Assert.Null(outcome.Image);
        Assert.Equal(ErrorCodes.Invalid, outcome.Error!.Code);
        Assert.Equal(TableChart.NoNumbers, outcome.Error.Message);
    }

    [Fact]
    public void Image_Item_IsRefused()
    {
        var image = Samples.Table("") with { Kind = MetricKind.Image, Table = null, Url = "https://example.com/a.png" };

        var outcome = _pictures.Table(image);

        Assert.Contains("is not a table", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_WithSeparatorsUnitsAndGaps_AreRead()
    {
        var rows = MarkdownTable.Parse("| Region | Errors | Share | Latency |\n| --- | --- | --- | --- |\n| eu | 1,234 | 12.5 % | 250ms |\n| us |  | 80% | 1.5e3 ms |\n| ap | 17 | 7.5% | n/a |")!;

        var table = NumericTable.From(rows)!;

        Assert.Equal(["eu", "us", "ap"], table.Labels);
        Assert.Equal(["Errors", "Share", "Latency"], table.Series.Select(s => s.Name));
        Assert.Equal([1234, null, 17], table.Series[0].Values);
        Assert.Equal("%", table.Series[1].Unit);
        Assert.Equal([250, 1500, null], table.Series[2].Values);
        Assert.False(table.LabelsAreOrdered);
    }

    [Fact]
    public void AllNumericTable_WithACountingFirstColumn_UsesItForTheRows()
    {
        var table = NumericTable.From(MarkdownTable.Parse("| Day | Reports |\n| --- | --- |\n| 1 | 3 |\n| 2 | 41 |\n| 3 | 97 |")!)!;

        Assert.Equal("Day", table.LabelName);
        Assert.Equal(["Reports"], table.Series.Select(s => s.Name));
        Assert.True(table.LabelsAreOrdered);
    }

    [Fact]
    public void ChangedNumbers_ChangeTheChartVisibly_AndTheSameNumbersDoNot()
    {
        const string Table = "| Crate | ICE reports |\n| --- | ---: |\n| rustc | 31 |\n| cargo | 9 |";
        var first = _pictures.Table(Samples.Table(Table)).Image!;
        var again = _pictures.Table(Samples.Table(Table)).Image!;
        var changed = _pictures.Table(Samples.Table(Table.Replace("| 9 |", "| 29 |", StringComparison.Ordinal))).Image!;

        Assert.True(ImageDiff.ChangedFraction(first.Png, again.Png) < ImageDiff.VisibleChange);
        Assert.True(ImageDiff.ChangedFraction(first.Png, changed.Png) > ImageDiff.VisibleChange);
    }
}
