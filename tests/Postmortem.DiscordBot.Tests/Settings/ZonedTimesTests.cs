using Postmortem.DiscordBot.Settings;

namespace Postmortem.DiscordBot.Tests.Settings;

public sealed class ZonedTimesTests
{
    private static readonly TimeZoneInfo _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-05-06 14:30", "2026-05-06T12:30:00Z")]
    [InlineData("2026-05-06T14:30", "2026-05-06T12:30:00Z")]
    [InlineData("2026-01-06 14:30", "2026-01-06T13:30:00Z")]
    [InlineData("2026-05-06T14:30Z", "2026-05-06T14:30:00Z")]
    [InlineData("2026-05-06T14:30:15+02:00", "2026-05-06T12:30:15Z")]
    [InlineData("2026-05-06T14:30-0500", "2026-05-06T19:30:00Z")]
    public void TryParse_ReadsIsoAndLocalTimes(string text, string expectedUtc)
    {
        Assert.True(ZonedTimes.TryParse(text, _berlin, out var instant, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01 10:00")]
    [InlineData("2026-05-06")]
    [InlineData("2026-05-06 25:00")]
    [InlineData("2026-05-06T10:00+15:00")]
    public void TryParse_RejectsWhatIsNotATime(string text)
    {
        Assert.False(ZonedTimes.TryParse(text, _berlin, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_RejectsALocalTimeTheClocksSkipped()
    {
        Assert.False(ZonedTimes.TryParse("2026-03-29 02:30", _berlin, out _, out var error));
        Assert.Contains("skipped", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ShowsTheZonesLocalTimeAndName()
    {
        var instant = new DateTimeOffset(2026, 5, 6, 12, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-05-06 14:30 Europe/Berlin", ZonedTimes.Format(instant, _berlin));
    }
}
