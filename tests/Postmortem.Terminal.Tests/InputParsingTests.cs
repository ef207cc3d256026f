using Postmortem.Terminal.Input;

namespace Postmortem.Terminal.Tests;

public sealed class InputParsingTests
{
    private static readonly OptionSpec[] _itemOptions = [new("--owner"), new("--due"), OptionSpec.Flag("--no-names")];

    [Fact]
    public void Tokenize_QuotedWords_KeepSpacesAndEscapes_QuotesInsideWordsAreLiteral()
    {
        Assert.True(Tokenizer.TryTokenize("new \"The \\\"big\\\" one\"  5\" drive", out var tokens, out _));

        Assert.Equal(["new", "The \"big\" one", "5\"", "drive"], tokens.Select(t => t.Value));
        Assert.Equal([false, true, false, false], tokens.Select(t => t.Quoted));
    }

    [Fact]
    public void Tokenize_UnclosedQuote_IsAnError()
    {
        Assert.False(Tokenizer.TryTokenize("new \"Unclosed", out _, out var error));
        Assert.StartsWith("A quote is not closed.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TextFrom_KeepsTheTextAsTyped_AndLeavesOptionsOut()
    {
        const string line = "action add-item 5a Survey  the \"playbooks\" --owner bob --due 2026-06-01";
        var arguments = Parse(line, skip: 2);

        Assert.Equal("5a", arguments[0]);
        Assert.Equal("Survey  the \"playbooks\"", arguments.TextFrom(1));
        Assert.Equal("bob", arguments.Option("--owner"));
        Assert.Equal("2026-06-01", arguments.Option("--due"));
    }

    [Fact]
    public void TextFrom_SingleQuotedArgument_YieldsItsContent_AndOptionsMayComeFirstOrBetween()
    {
        Assert.Equal("Communicate faster", Parse("lesson add \"Communicate faster\" --owner x", 2).TextFrom(0));
        var between = Parse("x first part --owner=bob second part --no-names", 1);
        Assert.Equal("first part second part", between.TextFrom(0));
        Assert.Equal("bob", between.Option("--owner"));
        Assert.True(between.Has("--no-names"));
    }

    [Fact]
    public void Options_AreOnlyRecognisedForVerbsThatHaveThem_AndQuotedDashesAreText()
    {
        Assert.True(Tokenizer.TryTokenize("why answer 1 --incremental was on", out var tokens, out _));
        Assert.True(VerbArguments.TryParse("why answer 1 --incremental was on", tokens, 2, [], out var plain, out _));
        Assert.Equal("--incremental was on", plain.TextFrom(1));

        Assert.Equal("--verbose flag", Parse("x \"--verbose flag\"", 1).TextFrom(0));
        Assert.True(Tokenizer.TryTokenize("x --verbose", out var unknown, out _));
        Assert.False(VerbArguments.TryParse("x --verbose", unknown, 1, _itemOptions, out _, out var error));
        Assert.StartsWith("Unknown option --verbose", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-06T09:00Z", "UTC", "2026-05-06T09:00:00+00:00")]
    [InlineData("2026-05-06T11:00+02:00", "UTC", "2026-05-06T09:00:00+00:00")]
    [InlineData("2026-05-06T11:00:30-0130", "UTC", "2026-05-06T12:30:30+00:00")]
    [InlineData("2026-05-06T11:00", "Europe/Berlin", "2026-05-06T09:00:00+00:00")]
    [InlineData("2026-01-06 11:00", "Europe/Berlin", "2026-01-06T10:00:00+00:00")]
    [InlineData("2026-05-06T11:00", "America/New_York", "2026-05-06T15:00:00+00:00")]
    public void TimeInput_ReadsIsoTimesAndLocalTimes_AsUtcInstants(string text, string zone, string expected)
    {
        Assert.True(TimeInput.TryParse(text, TimeZoneInfo.FindSystemTimeZoneById(zone), out var instant, out var error), error);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData("2026-03-29 02:30", "does not exist in Europe/Berlin (the clocks skipped it)")]
    [InlineData("2026-05-06", "is not a time")]
    [InlineData("06.05.2026 09:00", "is not a time")]
    [InlineData("2026-05-06T25:00", "is not a time")]
    [InlineData("2026-05-06T09:00+15:00", "is not a UTC offset")]
    public void TimeInput_RejectsWhatIsNotAnUnambiguousTime(string text, string message)
    {
        Assert.False(TimeInput.TryParse(text, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeInput_TakesDateAndTimeAsTwoWords()
    {
        var arguments = Parse("timeline add 2026-05-06 09:00 start Released", 2);

        Assert.True(TimeInput.TryParse(arguments, 0, TimeZoneInfo.Utc, out var instant, out var consumed, out _));
        Assert.Equal(2, consumed);
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 9, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal("start", arguments[consumed]);
    }

    [Fact]
    public async Task InputReader_ReadsABlockUpToTheDotLine()
    {
        var reader = new InputReader(new StringReader("one\n\n..\n  .  \nafter\n"));

        Assert.Equal("one\n\n.\n", await reader.ReadBlockAsync(CancellationToken.None));
        Assert.Equal("after", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal(5, reader.LineNumber);
        Assert.Null(await reader.ReadBlockAsync(CancellationToken.None));
    }

    private static VerbArguments Parse(string line, int skip)
    {
        Assert.True(Tokenizer.TryTokenize(line, out var tokens, out _));
        Assert.True(VerbArguments.TryParse(line, tokens, skip, _itemOptions, out var arguments, out var error), error);
        return arguments;
    }
}
