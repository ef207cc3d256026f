using Postmortem.Core.Sections;
using Postmortem.Core.Text;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Text;

public sealed class TextElementsTests
{
    [Theory]
    [InlineData("ab😀cd", 3, "ab")]
    [InlineData("ab😀cd", 4, "ab😀")]
    [InlineData("e\u0301tude", 1, "")]
    [InlineData("🇫🇷🇩🇪", 6, "🇫🇷")]
    [InlineData("👩‍👩‍👧x", 7, "")]
    [InlineData("short", 10, "short")]
    public void Prefix_EndsOnATextElementBoundary(string text, int max, string expected) =>
        Assert.Equal(expected, TextElements.Prefix(text, max));

    [Fact]
    public void Truncate_FitsAndMarksTheCut()
    {
        var cut = TextElements.Truncate("Why did the beta channel fail as a canary 😀😀😀", 30);

        Assert.True(cut.Length <= 30);
        Assert.Equal("Why did the beta channel fail…", cut);
        Assert.Equal("😀…", TextElements.Truncate("😀😀😀", 4));
    }

    [Fact]
    public void UserText_WithALoneSurrogate_IsStoredWellFormed()
    {
        var pm = Draft();

        pm.Do(new AnswerSection("summary", "Broken paste \uD83D here"));

        Assert.Equal("Broken paste \uFFFD here", pm.CurrentText("summary"));
        Assert.Equal("ok 😀", TextElements.WithoutLoneSurrogates("ok 😀"));
    }
}
