using Postmortem.Charts.Tests.Support;
using Postmortem.Core.Timeline;

namespace Postmortem.Charts.Tests.Timeline;

public sealed class TimelineChartTests
{
    private readonly PostmortemPictures _pictures = new();

    [Fact]
    public void Timeline_WithEntries_IsAPngOfSaneSize()
    {
        var image = _pictures.Timeline(Samples.Draft().WithTimeline(), Samples.Berlin);

        Assert.NotNull(image);
        Png.AssertSane(image);
        Assert.Equal("timeline.png", image.FileName);
    }

    [Fact]
    public void Timeline_WithoutEntries_IsNull() =>
        Assert.Null(_pictures.Timeline(Samples.Draft(), Samples.Berlin));

    [Fact]
    public void Timeline_AltText_NamesTheZoneLocalTimesAndDurations()
    {
        var postmortem = Samples.Draft().WithTimeline();

        var image = _pictures.Timeline(postmortem, Samples.Berlin)!;

        // 15:00 UTC is 17:00 in Berlin in May; the durations are DurationFormatter's.
        Assert.Contains("from 2021-05-06 17:00", image.AltText, StringComparison.Ordinal);
        Assert.Contains("(Europe/Berlin)", image.AltText, StringComparison.Ordinal);
        Assert.Contains("time to detect " + DurationFormatter.Format(postmortem.TimelineFigures.TimeToDetect!.Value), image.AltText, StringComparison.Ordinal);
        Assert.Contains("time to mitigate " + DurationFormatter.Format(postmortem.TimelineFigures.TimeToMitigate!.Value), image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_RenderedTwice_IsTheSamePicture()
    {
        var postmortem = Samples.Draft().WithTimeline();

        var first = _pictures.Timeline(postmortem, Samples.Berlin)!;
        var second = _pictures.Timeline(postmortem, Samples.Berlin)!;

        Assert.True(ImageDiff.ChangedFraction(first.Png, second.Png) < ImageDiff.VisibleChange);
    }

    [Fact]
    public void Timeline_WhenDetectionMovesLater_ChangesVisibly()
    {
        var postmortem = Samples.Draft().WithTimeline();
        var before = _pictures.Timeline(postmortem, Samples.Berlin)!;
        var detected = postmortem.Timeline.Single(e => e.Kind == TimelineEntryKind.Detected);

        postmortem.Do(new EditTimelineEntry(detected.Id, detected.At.AddHours(18), detected.Text, detected.Kind));
        var after = _pictures.Timeline(postmortem, Samples.Berlin)!;

        Assert.True(ImageDiff.ChangedFraction(before.Png, after.Png) > ImageDiff.VisibleChange);
    }

    [Fact]
    public void Timeline_SpansAreDrawnOnlyWhenTheirPointsExist()
    {
        var withSpans = _pictures.Timeline(Samples.Draft().WithTimeline(), Samples.Berlin)!;
        var notesOnly = Samples.Draft();
        notesOnly.Do(new AddTimelineEntry(Samples.Released, "Someone noticed", TimelineEntryKind.Note));
        notesOnly.Do(new AddTimelineEntry(Samples.Released.AddHours(2), "Someone else too", TimelineEntryKind.Note));
        var withoutSpans = _pictures.Timeline(notesOnly, Samples.Berlin)!;

        // The time-to-detect bar is a large area of the detection colour.
        Assert.True(Png.CountNear(withSpans.Png, Charts.Rendering.ChartTheme.Yellow) > 5_000);
        Assert.Equal(0, Png.CountNear(withoutSpans.Png, Charts.Rendering.ChartTheme.Yellow));
        Assert.DoesNotContain("time to detect", withoutSpans.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_WithManyEntries_GrowsInHeightAndStaysReadable()
    {
        var postmortem = Samples.Draft().WithTimeline();
        for (var i = 0; i < 40; i++)
        {
            postmortem.Do(new AddTimelineEntry(Samples.Released.AddHours(i * 3), $"Step {i}: " + new string('x', 200), TimelineEntryKind.Note));
        }

        var image = _pictures.Timeline(postmortem, Samples.Berlin)!;

        Png.AssertSane(image);
        Assert.True(image.Height >= 48 * 30, $"{image.Height} px for 48 entries");
    }
}
