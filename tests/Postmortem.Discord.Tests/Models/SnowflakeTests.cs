using System.Text.Json;
using Postmortem.Discord.Json;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Models;

public sealed class SnowflakeTests
{
    [Fact]
    public void CreatedAt_ReadsTheTimestampBits()
    {
        // Discord's documented example: 175928847299117063 was created 2016-04-30 11:18:25.796 UTC.
        var id = Snowflake.Parse("175928847299117063");

        Assert.Equal(new DateTimeOffset(2016, 4, 30, 11, 18, 25, 796, TimeSpan.Zero), id.CreatedAt);
    }

    [Fact]
    public void FromTimestamp_RoundTripsThroughCreatedAt()
    {
        var instant = new DateTimeOffset(2026, 5, 6, 9, 0, 0, 123, TimeSpan.Zero);

        Assert.Equal(instant, Snowflake.FromTimestamp(instant).CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("12a")]
    [InlineData("18446744073709551616")]
    public void TryParse_RejectsNonSnowflakes(string text) => Assert.False(Snowflake.TryParse(text, out _));

    [Fact]
    public void Json_IsWrittenAsAString() =>
        Assert.Equal("{\"id\":\"18446744073709551615\"}", JsonSerializer.Serialize(new PartialAttachment(new Snowflake(ulong.MaxValue)), DiscordJsonContext.Default.PartialAttachment));

    [Theory]
    [InlineData("{\"id\":\"1100000000000000001\"}")]
    [InlineData("{\"id\":1100000000000000001}")]
    public void Json_AcceptsStringOrNumber(string json) =>
        Assert.Equal(new Snowflake(1100000000000000001), JsonSerializer.Deserialize(json, DiscordJsonContext.Default.PartialAttachment)!.Id);

    [Fact]
    public void Json_RejectsGarbage() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"id\":\"abc\"}", DiscordJsonContext.Default.PartialAttachment));

    [Fact]
    public void Ordering_FollowsCreationTime()
    {
        var older = Snowflake.FromTimestamp(DateTimeOffset.UnixEpoch.AddYears(50));
        var newer = Snowflake.FromTimestamp(DateTimeOffset.UnixEpoch.AddYears(51));

        Assert.True(older < newer);
        Assert.True(newer.CompareTo(older) > 0);
    }
}
