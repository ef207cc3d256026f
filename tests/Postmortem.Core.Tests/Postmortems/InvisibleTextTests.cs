using Postmortem.Core.Actions;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Postmortems;

/// <summary>Text that shows nothing (only spaces and invisible characters) is refused like empty text.</summary>
public sealed class InvisibleTextTests
{
    public static TheoryData<string> InvisibleTexts => new()
    {
        "\u200B",
        "\uFEFF",
        "\u200B\u200C\u200D",
        " \u2060 \n\uFEFF\t",
        "\u00AD",
        "\u200E\u200F",
        "\u3164",
        "\U000E0041",
        "\u0001\u001F",
    };

    public static TheoryData<PostmortemCommand> CommandsWithText(string text) => new()
    {
        new SetTitle(text),
        new AnswerSection("summary", text),
        new AskWhy(null, text),
        new AddTimelineEntry(Now, text, TimelineEntryKind.Note),
        new AddLesson(text, []),
    };

    [Theory]
    [MemberData(nameof(InvisibleTexts))]
    public void Commands_WithOnlyInvisibleText_AreRejectedWithAClearMessage_AndChangeNothing(string text)
    {
        foreach (var command in CommandsWithText(text))
        {
            var pm = Draft();
            var before = Snapshot.Of(pm);

            var result = pm.Apply(command, Wesley, Now.AddHours(1));

            Assert.Equal(CommandStatus.Rejected, result.Status);
            Assert.Equal(ErrorCodes.Invalid, result.Error!.Code);
            Assert.Contains("invisible", result.Message, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot.Of(pm));
        }
    }

    [Fact]
    public void AnswerWhy_WithOnlyZeroWidthSpaces_IsRejected()
    {
        var pm = Draft();
        var why = pm.Apply(new AskWhy(null, "Why did the disk fill up?"), Wesley, Now).CreatedId!.Value;
        var before = Snapshot.Of(pm);

        var result = pm.Apply(new AnswerWhy(why, "\u200B\u200B"), Wesley, Now);

        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(before, Snapshot.Of(pm));
    }

    [Theory]
    [InlineData("Disk\u200Bfull")]
    [InlineData("\u200BDisk full")]
    [InlineData("👨\u200D👩\u200D👧")]
    [InlineData("a")]
    public void Text_WithSomethingVisible_IsKeptAsWritten(string text)
    {
        Assert.Null(InputRules.Text(text, "The answer", 100, out var normalized));
        Assert.Equal(text, normalized);
    }

    [Fact]
    public void OptionalText_WithOnlyInvisibleCharacters_IsAbsent()
    {
        Assert.Null(InputRules.OptionalText("\u200B\uFEFF", "The caption", 100, out var normalized));
        Assert.Null(normalized);
    }
}
