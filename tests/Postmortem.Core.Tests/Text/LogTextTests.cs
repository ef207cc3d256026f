using Postmortem.Core.Text;

namespace Postmortem.Core.Tests.Text;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("answer:1:summary", "answer:1:summary")]
    [InlineData("x\r\n12:00:00 crit: forged", @"x\r\n12:00:00 crit: forged")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("bell\u0007", @"bell\u0007")]
    [InlineData("line\u2028sep", @"line\u2028sep")]
    [InlineData("rtl\u202Eevil", @"rtl\u202Eevil")]
    [InlineData(@"a\nb", @"a\\nb")]
    [InlineData("Zoë 🎉", "Zoë 🎉")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_LeavesNoLineBreakOrControlCharacter(string? text, string expected)
    {
        var escaped = LogText.Escape(text);

        Assert.Equal(expected, escaped);
        Assert.DoesNotContain(escaped, char.IsControl);
    }
}
