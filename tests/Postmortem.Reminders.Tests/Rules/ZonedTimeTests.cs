using Postmortem.Core.Reminders;

namespace Postmortem.Reminders.Tests.Rules;

public sealed class ZonedTimeTests
{
    private static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void ToInstant_ATimeSkippedBySpringForward_MovesForwardByTheGap() =>
        // 02:30 does not exist on 29 March 2026 in Berlin; 03:30 CEST is 01:30Z.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), ZonedTime.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Berlin));

    [Fact]
    public void ToInstant_ATimeThatOccursTwice_IsTheFirstOccurrence() =>
        // 02:30 happens twice on 25 October 2026; the first is still CEST (UTC+2).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), ZonedTime.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Berlin));

    [Fact]
    public void LocalDate_IsTheCalendarDateInTheZone() =>
        Assert.Equal(new DateOnly(2026, 6, 11), ZonedTime.LocalDate(new DateTimeOffset(2026, 6, 10, 22, 30, 0, TimeSpan.Zero), Berlin));

    [Fact]
    public void WeeklyTime_Minus_WrapsToThePreviousDayAndWeek()
    {
        Assert.Equal(new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(14, 0)), new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0)).Minus(TimeSpan.FromHours(1)));
        Assert.Equal(new WeeklyTime(DayOfWeek.Saturday, new TimeOnly(23, 30)), new WeeklyTime(DayOfWeek.Sunday, new TimeOnly(0, 30)).Minus(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void WeeklyTime_NextAfterAndLatestAtOrBefore_FindTheWeeklyOccurrences()
    {
        var thursday = new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(15, 0));
        var wednesday = new DateTimeOffset(2026, 5, 6, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 5, 7, 13, 0, 0, TimeSpan.Zero), thursday.NextAfter(wednesday, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 13, 0, 0, TimeSpan.Zero), thursday.LatestAtOrBefore(wednesday, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 5, 7, 13, 0, 0, TimeSpan.Zero), thursday.LatestAtOrBefore(new DateTimeOffset(2026, 5, 7, 13, 0, 0, TimeSpan.Zero), Berlin));
    }
}
