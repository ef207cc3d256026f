using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Tests.Interactions;

public sealed class CustomIdTests
{
    [Fact]
    public void For_AndTryParse_RoundTrip()
    {
        var text = CustomId.For("ans", new PostmortemId(42), "incident-response.detection", "3");

        Assert.Equal("ans:42:incident-response.detection:3", text);
        Assert.True(CustomId.TryParse(text, out var id));
        Assert.Equal("ans", id.Prefix);
        Assert.True(id.TryGetPostmortemId(out var postmortem));
        Assert.Equal(new PostmortemId(42), postmortem);
        Assert.Equal("incident-response.detection", id.Arg(1));
        Assert.True(id.TryGetInt(2, out var revision));
        Assert.Equal(3, revision);
        Assert.Equal("", id.Arg(7));
    }

    [Fact]
    public void Format_RefusesIdsDiscordWouldReject()
    {
        Assert.Throws<ArgumentException>(() => CustomId.Format("answer", new string('k', 100)));
        Assert.Throws<ArgumentException>(() => CustomId.Format("answer", "a:b"));
        Assert.Throws<ArgumentException>(() => CustomId.Format("Answer", "x"));
        Assert.Throws<ArgumentException>(() => CustomId.Format("", "x"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(":42")]
    [InlineData("UPPER:1")]
    public void TryParse_RejectsWhatTheBotNeverWrites(string? text)
    {
        Assert.False(CustomId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("answer:0:summary")]
    [InlineData("answer:-4:summary")]
    [InlineData("answer:abc:summary")]
    [InlineData("answer")]
    public void TryGetPostmortemId_RejectsNonIds(string text)
    {
        Assert.True(CustomId.TryParse(text, out var id));
        Assert.False(id.TryGetPostmortemId(out _));
    }
}
