using Postmortem.DiscordBot.Timeline;

namespace Postmortem.DiscordBot.Tests.Timeline;

public sealed class TimelineTimesTests
{
    private static readonly TimeZoneInfo _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // 2026-05-06 21:00 UTC is 23:00 in Berlin (summer time, +02:00).
    private static readonly DateTimeOffset _now = new(2026, 5, 6, 21, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-05-06 14:30", "2026-05-06T12:30:00Z")]
    [InlineData("2026-01-15 14:30", "2026-01-15T13:30:00Z")]
    [InlineData("2026-05-06T14:30", "2026-05-06T12:30:00Z")]
    [InlineData("2026-05-06T09:00Z", "2026-05-06T09:00:00Z")]
    [InlineData("2026-05-06T14:30:00+05:30", "2026-05-06T09:00:00Z")]
    [InlineData("14:30", "2026-05-06T12:30:00Z")]
    [InlineData("9:05", "2026-05-06T07:05:00Z")]
    [InlineData(" 23:59:30 ", "2026-05-06T21:59:30Z")]
    public void TryParse_LocalTimesAreInTheGuildZone_OffsetsWin_AndATimeAloneIsToday(string typed, string expected)
    {
        Assert.True(TimelineTimes.TryParse(typed, _berlin, _now, out var instant, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01 10:00")]
    [InlineData("06.05.2026 14:30")]
    [InlineData("25:00")]
    [InlineData("14:30 tomorrow")]
    [InlineData("2026-05-06 14:30 +25:00")]
    [InlineData("2026-03-29 02:30")]
    public void TryParse_RejectsWhatIsNotATime_WithAnExplanation(string typed)
    {
        Assert.False(TimelineTimes.TryParse(typed, _berlin, _now, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
