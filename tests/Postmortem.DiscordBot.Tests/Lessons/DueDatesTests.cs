using Postmortem.DiscordBot.Lessons;

namespace Postmortem.DiscordBot.Tests.Lessons;

public sealed class DueDatesTests
{
    private static readonly TimeZoneInfo _auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
    private static readonly DateTimeOffset _started = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    // 2026-05-06 20:00 UTC is already 2026-05-07 in Auckland.
    private static readonly DateTimeOffset _now = new(2026, 5, 6, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-05-07")]
    [InlineData("2026-06-30")]
    [InlineData(" 2026-07-30 ")]
    public void TryParse_TodayOrLaterWithinTheHorizon_IsFine(string typed)
    {
        Assert.True(DueDates.TryParse(typed, _auckland, _now, _started, TimeSpan.FromDays(90), out var due, out var error, out var warning), error);
        Assert.Equal(DateOnly.Parse(typed.Trim(), System.Globalization.CultureInfo.InvariantCulture), due);
        Assert.Null(warning);
    }

    [Fact]
    public void TryParse_ADateBeforeTodayInTheGuildsZone_IsInThePast()
    {
        Assert.False(DueDates.TryParse("2026-05-06", _auckland, _now, _started, TimeSpan.FromDays(90), out _, out var error, out _));
        Assert.Contains("in the past", error, StringComparison.Ordinal);
        Assert.Contains("today is 2026-05-07 in Pacific/Auckland", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_BeyondTheHorizon_IsAllowedWithAWarning()
    {
        Assert.True(DueDates.TryParse("2026-07-31", _auckland, _now, _started, TimeSpan.FromDays(90), out _, out _, out var warning));
        Assert.Contains("more than 90 days after the postmortem started (by 2026-07-30)", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("next Friday")]
    [InlineData("30.06.2026")]
    [InlineData("2026-06-31")]
    [InlineData("2026-6-3")]
    public void TryParse_WhatIsNotADate_IsRefused(string typed)
    {
        Assert.False(DueDates.TryParse(typed, _auckland, _now, _started, TimeSpan.FromDays(90), out _, out var error, out _));
        Assert.Contains("is not a date", error, StringComparison.Ordinal);
    }
}
