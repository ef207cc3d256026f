using Postmortem.Charts.FiveWhys;
using Postmortem.Charts.Rendering;

namespace Postmortem.Charts.Tests.FiveWhys;

public sealed class TextWrapperTests
{
    [Fact]
    public void Wrap_KeepsEveryLineWithinTheWidth_AndEveryWord()
    {
        using var font = WhyCard.TextFont();
        const string Text = "CI services, the hypothesised primary beta users, did not hit the ICEs because CI builds start from scratch.";

        var lines = TextWrapper.Wrap(Text, font, 200, maxLines: 10);

        Assert.True(lines.Count > 2);
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= 200, l));
        Assert.Equal(Text, string.Join(' ', lines));
    }

    [Fact]
    public void Wrap_BreaksAWordLongerThanALine()
    {
        using var font = WhyCard.TextFont();

        var lines = TextWrapper.Wrap("https://github.com/rust-lang/rust/issues/84970#issuecomment-835229087", font, 120, maxLines: 10);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= 120, l));
    }

    [Fact]
    public void Wrap_PastMaxLines_EndsWithAnEllipsis()
    {
        using var font = WhyCard.TextFont();

        var lines = TextWrapper.Wrap(string.Join(' ', Enumerable.Repeat("word", 200)), font, 150, maxLines: 3);

        Assert.Equal(3, lines.Count);
        Assert.EndsWith(TextFit.Ellipsis, lines[^1], StringComparison.Ordinal);
        Assert.True(font.MeasureText(lines[^1]) <= 150);
    }

    [Fact]
    public void Cuts_NeverSplitAnEmojiOrAnAccent()
    {
        using var font = WhyCard.TextFont();
        var text = string.Concat(Enumerable.Repeat("👩‍💻e\u0301", 40));

        var lines = TextWrapper.Wrap(text, font, 100, maxLines: 2);
        var one = TextFit.OneLine(text, 5);

        foreach (var piece in lines.Append(one))
        {
            Assert.All(TextFit.Elements(piece.Replace(TextFit.Ellipsis, "", StringComparison.Ordinal)), e => Assert.True(e is "👩‍💻" or "e\u0301", $"split: {e}"));
        }
    }
}
