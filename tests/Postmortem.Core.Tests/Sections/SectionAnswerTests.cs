using Postmortem.Core.Commands;
using Postmortem.Core.Sections;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Sections;

public sealed class SectionAnswerTests
{
    [Fact]
    public void AnswerSection_KeepsEveryRevisionWithAuthorAndTime()
    {
        var pm = Draft();

        pm.Apply(new AnswerSection("summary", "First.\r\nLine two.  "), Felix, Now);
        pm.Apply(new AnswerSection("summary", "Second.", BaseRevision: 1), Wesley, Now.AddMinutes(5));

        var section = pm.FindSection("summary")!;
        Assert.Equal(
            [new AnswerRevision(1, "First.\nLine two.", Felix, Now), new AnswerRevision(2, "Second.", Wesley, Now.AddMinutes(5))],
            section.Revisions);
        Assert.Equal("Second.", pm.CurrentText("summary"));
    }

    [Fact]
    public void AnswerSection_WithTheSameText_DoesNotAddARevision()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("summary", "Same."));

        var result = pm.Apply(new AnswerSection("summary", "Same.", BaseRevision: 0), Wesley, Now);

        Assert.True(result.Succeeded);
        Assert.Single(pm.FindSection("summary")!.Revisions);
        Assert.Empty(pm.UnmergedEdits);
    }

    [Fact]
    public void AnswerSection_OnAStaleRevision_KeepsTheSubmissionAndReportsTheCurrentText()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("summary", "Felix's version."));
        pm.Do(new AnswerSection("summary", "Wesley's version.", BaseRevision: 1), Wesley);

        var result = pm.Apply(new AnswerSection("summary", "Ana's version.", BaseRevision: 1), Ana, Now);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.True(result.Changed);
        Assert.Equal(
            new EditConflict("section:summary", 1, 2, "Wesley's version.", Wesley, "Ana's version.", 1),
            result.Conflict);
        Assert.Equal("Wesley's version.", pm.CurrentText("summary"));
        Assert.Equal(new UnmergedEdit(1, "section:summary", "Ana's version.", Ana, Now, 1, 2), Assert.Single(pm.UnmergedEdits));
        Assert.Contains("Your text was kept", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerSection_WithoutBaseRevision_OverwritesWithoutConflict()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("summary", "One."));

        pm.Do(new AnswerSection("summary", "Two."), Wesley);

        Assert.Equal(2, pm.FindSection("summary")!.CurrentRevision);
    }

    [Fact]
    public void DismissUnmergedEdit_ForgetsIt()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("summary", "One."));
        pm.Apply(new AnswerSection("summary", "Other.", BaseRevision: 0), Ana, Now);

        pm.Do(new DismissUnmergedEdit(pm.UnmergedEdits[0].Id));

        Assert.Empty(pm.UnmergedEdits);
    }

    [Fact]
    public void SkipThenAnswer_UnskipsTheSection()
    {
        var pm = Draft();

        pm.Do(new SkipSection("leadup", "  ask the release team  "));
        Assert.Equal((true, "ask the release team"), (pm.FindSection("leadup")!.Skipped, pm.FindSection("leadup")!.SkipReason));
        pm.Do(new AnswerSection("leadup", "The check rode the trains."));

        Assert.False(pm.FindSection("leadup")!.Skipped);
        Assert.Null(pm.FindSection("leadup")!.SkipReason);
    }

    [Fact]
    public void UnskipSection_RestoresWithoutText()
    {
        var pm = Draft();
        pm.Do(new SkipSection("leadup"));

        pm.Do(new UnskipSection("leadup"));

        Assert.False(pm.FindSection("leadup")!.Skipped);
        Assert.False(pm.FindSection("leadup")!.HasText);
    }

    [Fact]
    public void AnswerSection_AtTheModalLimit_IsAccepted()
    {
        var pm = Draft();

        var result = pm.Apply(new AnswerSection("summary", new string('x', 4000)), Felix, Now);

        Assert.True(result.Succeeded);
    }
}
