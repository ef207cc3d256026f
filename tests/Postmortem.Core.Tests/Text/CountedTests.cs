using Postmortem.Core.Text;

namespace Postmortem.Core.Tests.Text;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 pictures")]
    [InlineData(1, "1 picture")]
    [InlineData(2, "2 pictures")]
    public void Of_PutsTheNounInTheNumberTheCountNeeds(int count, string expected) =>
        Assert.Equal(expected, Counted.Of(count, "picture"));
}
