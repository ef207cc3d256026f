using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.FiveWhys;

namespace Postmortem.DiscordBot.Tests.FiveWhys;

public sealed class WhysViewTests
{
    private static readonly UserRef _alice = new("1", "alice");
    private static readonly DateTimeOffset _now = new(2026, 5, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Pages_ListUnansweredWhysFirst_ThenTheTreeWithPathsAndRootCauses_HidingRetractedBranches()
    {
        var postmortem = Core.Postmortem.Start("10", "20", "1.52.0", _alice, _now, "rust-compiler-2021");
        var why1 = Do(postmortem, new AskWhy(null, "Why did the beta channel fail as a canary?"));
        var a = Do(postmortem, new AnswerWhy(why1, "CI services hit no ICEs."));
        var b = Do(postmortem, new AnswerWhy(why1, "Few developers use beta."));
        Do(postmortem, new AskWhy(a, "Why didn't CI services hit ICEs?"));
        var why12 = Do(postmortem, new AskWhy(b, "Why do developers favour nightly or stable?"));
        var root = Do(postmortem, new AnswerWhy(why12, "Beta offers nothing extra."));
        Do(postmortem, new MarkRootCause(root));
        var retracted = Do(postmortem, new AskWhy(root, "Why is the sky blue?"));
        Do(postmortem, new RetractWhy(retracted));

        var page = Assert.Single(WhysView.Pages(postmortem));
        var lines = page.Split('\n');

        Assert.Contains("3 whys, 3 answers, 1 root cause", lines[0], StringComparison.Ordinal);
        Assert.Equal("**Unanswered (1)**", lines[1]);
        Assert.Equal("- **Why 1.1** Why didn't CI services hit ICEs?", lines[2]);
        Assert.Equal("**Tree**", lines[3]);
        Assert.Equal("- **Why 1** Why did the beta channel fail as a canary?", lines[4]);
        Assert.Equal("  - **1a** CI services hit no ICEs.", lines[5]);
        Assert.Equal("    - **Why 1.1** Why didn't CI services hit ICEs? _(unanswered)_", lines[6]);
        Assert.Equal("  - **1b** Few developers use beta.", lines[7]);
        Assert.Equal("    - **Why 1.2** Why do developers favour nightly or stable?", lines[8]);
        Assert.Equal("      - **1.2a** Beta offers nothing extra. 🎯 **root cause**", lines[9]);
        Assert.DoesNotContain("sky", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_ContinueATextLongerThanAPage_InsteadOfCuttingIt()
    {
        var postmortem = Core.Postmortem.Start("10", "20", "Long", _alice, _now, "rust-compiler-2021");
        var words = string.Join(" ", Enumerable.Range(1, 500).Select(i => $"w{i}"));
        Do(postmortem, new AskWhy(null, words));

        var pages = WhysView.Pages(postmortem);

        Assert.True(pages.Count >= 2);
        Assert.All(pages, p => Assert.InRange(p.Length, 1, 1900));
        var all = string.Join(" ", pages);
        Assert.All(Enumerable.Range(1, 500), i => Assert.Contains($"w{i} ", all + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.2", "1.2")]
    [InlineData("Why 1.2", "1.2")]
    [InlineData(" #1.2 ", "1.2")]
    [InlineData("1.2A", "1.2a")]
    public void Normalize_AcceptsHowPeopleWriteNumbers(string typed, string expected) =>
        Assert.Equal(expected, WhyPaths.Normalize(typed));

    [Fact]
    public void Find_IgnoresRetractedNodes()
    {
        var postmortem = Core.Postmortem.Start("10", "20", "Paths", _alice, _now, "rust-compiler-2021");
        var why1 = Do(postmortem, new AskWhy(null, "Why?"));
        var answer = Do(postmortem, new AnswerWhy(why1, "Because."));
        Do(postmortem, new RetractWhyAnswer(answer));

        Assert.Equal(why1, WhyPaths.FindWhy(postmortem, "why 1")!.Id);
        Assert.Null(WhyPaths.FindAnswer(postmortem, "1a"));
        Assert.Empty(WhyPaths.SuggestAnswers(postmortem, ""));
    }

    private static int Do(Core.Postmortem postmortem, Core.Commands.PostmortemCommand command)
    {
        var result = postmortem.Apply(command, _alice, _now);
        Assert.True(result.Succeeded, result.Message);
        return result.CreatedId ?? 0;
    }
}
