using Postmortem.Core.Commands;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Timeline;

public sealed class TimelineTests
{
    private static readonly DateTimeOffset _start = new(2021, 5, 6, 15, 0, 0, TimeSpan.Zero);

    private static TemplateQuestion Question(string key) => BuiltInTemplates.RustCompiler2021.FindQuestion(key)!;

    [Theory]
    [InlineData(3 * 24 * 60 + 4 * 60, "3 days 4 hours")]
    [InlineData(1 * 24 * 60 + 14 * 60, "1 day 14 hours")]
    [InlineData(45, "45 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(0, "less than a minute")]
    [InlineData(60, "1 hour")]
    [InlineData(125, "2 hours 5 minutes")]
    [InlineData(24 * 60, "1 day")]
    [InlineData(2 * 24 * 60 + 23 * 60 + 45, "2 days 23 hours 45 minutes")]
    [InlineData(24 * 60 + 95, "1 day 1 hour 35 minutes")]
    [InlineData(3 * 24 * 60 + 20 * 60 + 30, "3 days 20 hours 30 minutes")]
    [InlineData(24 * 60 + 5, "1 day 5 minutes")]
    public void DurationFormatter_IsExactToTheMinute(int minutes, string expected) =>
        Assert.Equal(expected, DurationFormatter.Format(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void DurationFormatter_RoundsOnlySeconds() =>
        Assert.Equal("3 days 20 hours 31 minutes", DurationFormatter.Format(new TimeSpan(3, 20, 30, 30)));

    [Fact]
    public void Figures_AreDerivedFromTheFirstDetectionAndMitigation()
    {
        var pm = Draft();
        pm.Do(new AddTimelineEntry(_start.AddDays(3).AddHours(4), "Recognised", TimelineEntryKind.Detected));
        pm.Do(new AddTimelineEntry(_start, "Released", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(_start.AddDays(3).AddHours(6), "Also noticed", TimelineEntryKind.Detected));
        pm.Do(new AddTimelineEntry(_start.AddDays(4).AddHours(1), "1.52.1", TimelineEntryKind.Mitigated));
        pm.Do(new AddTimelineEntry(_start.AddDays(4).AddHours(2), "Over", TimelineEntryKind.EventEnd));

        var figures = pm.TimelineFigures;

        Assert.Equal(TimeSpan.FromHours(76), figures.TimeToDetect);
        Assert.Equal(TimeSpan.FromHours(21), figures.TimeToMitigate);
        Assert.Equal(TimeSpan.FromHours(98), figures.EventDuration);
    }

    [Fact]
    public void Figures_AreNullWhenTheTimelineLacksThePoints()
    {
        var pm = Draft();
        pm.Do(new AddTimelineEntry(_start, "Noticed", TimelineEntryKind.Detected));

        var figures = pm.TimelineFigures;

        Assert.Equal((TimeSpan?)null, figures.TimeToDetect);
        Assert.Equal((TimeSpan?)null, figures.TimeToMitigate);
        Assert.Equal((TimeSpan?)null, figures.EventDuration);
    }

    [Fact]
    public void Figures_IgnorePointsInTheWrongOrder()
    {
        var figures = TimelineFigures.From(
        [
            new TimelineEntry { Id = 1, At = _start, Text = "start", Kind = TimelineEntryKind.EventStart, Author = Felix },
            new TimelineEntry { Id = 2, At = _start.AddHours(-1), Text = "detected before?", Kind = TimelineEntryKind.Detected, Author = Felix },
        ]);

        Assert.Null(figures.TimeToDetect);
    }

    [Fact]
    public void HalvingQuestions_QuoteTheRealFigureAndItsHalfOnceKnown()
    {
        var pm = Draft();
        var question = Question("incident-response.detection-halved");
        Assert.Equal(question.Prompt, Facilitator.QuestionText(question, pm.TimelineFigures));

        pm.Do(new AddTimelineEntry(_start, "Released", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(_start.AddDays(3).AddHours(4), "Recognised", TimelineEntryKind.Detected));

        Assert.Equal(
            "Detection took 3 days 4 hours; what would have cut it to 1 day 14 hours?",
            Facilitator.QuestionText(question, pm.TimelineFigures));
        Assert.Equal(
            Question("incident-response.mitigation-halved").Prompt,
            Facilitator.QuestionText(Question("incident-response.mitigation-halved"), pm.TimelineFigures));
    }

    [Fact]
    public void TimelineInOrder_SortsByInstantAndStoresUtc()
    {
        var pm = Draft();
        var late = pm.Do(new AddTimelineEntry(new DateTimeOffset(2021, 5, 6, 20, 0, 0, TimeSpan.FromHours(2)), "Late"));
        var early = pm.Do(new AddTimelineEntry(new DateTimeOffset(2021, 5, 6, 15, 0, 0, TimeSpan.Zero), "Early"));

        Assert.Equal([early, late], pm.TimelineInOrder.Select(e => e.Id));
        Assert.Equal(new DateTimeOffset(2021, 5, 6, 18, 0, 0, TimeSpan.Zero), pm.FindTimelineEntry(late)!.At);
        Assert.Equal(TimeSpan.Zero, pm.FindTimelineEntry(late)!.At.Offset);
    }

    [Fact]
    public void EditAndRemove_ChangeOnlyTheirEntry()
    {
        var pm = Draft();
        var first = pm.Do(new AddTimelineEntry(_start, "Released", TimelineEntryKind.Note));
        var second = pm.Do(new AddTimelineEntry(_start.AddHours(1), "Report"));

        pm.Do(new EditTimelineEntry(first, _start, "1.52.0 released", TimelineEntryKind.EventStart, BaseRevision: 1));
        pm.Do(new RemoveTimelineEntry(second));
        var third = pm.Do(new AddTimelineEntry(_start.AddHours(2), "Another"));

        var entry = Assert.Single(pm.Timeline, e => e.Id == first);
        Assert.Equal(("1.52.0 released", TimelineEntryKind.EventStart, 2), (entry.Text, entry.Kind, entry.Revision));
        Assert.Null(pm.FindTimelineEntry(second));
        Assert.Equal(3, third);
    }

    [Fact]
    public void EditTimelineEntry_OnAStaleRevision_KeepsTheWholeSubmittedEntry()
    {
        var pm = Draft();
        var id = pm.Do(new AddTimelineEntry(_start, "Released"));
        pm.Do(new EditTimelineEntry(id, _start, "Released 1.52.0", TimelineEntryKind.EventStart, 1), Wesley);

        var result = pm.Apply(new EditTimelineEntry(id, _start.AddHours(1), "Released late", TimelineEntryKind.EventStart, 1), Ana, Now);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal("2021-05-06 16:00 UTC [EventStart] Released late", Assert.Single(pm.UnmergedEdits).Text);
        Assert.Equal("Released 1.52.0", pm.FindTimelineEntry(id)!.Text);
    }
}
