using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.FiveWhys;

public sealed class WhyTreeTests
{
    [Fact]
    public void Rust152Tree_HasTwentyOneAnsweredWhysWithStablePaths()
    {
        var fixture = Rust152.Build();

        var tree = WhyTree.Build(fixture.Postmortem);

        Assert.Equal(21, tree.Whys.Count);
        Assert.All(tree.Whys, w => Assert.NotEmpty(w.Answers));
        Assert.Equal(["1", "2", "3"], tree.Roots.Select(r => r.Why.Path));
        Assert.Equal(
            ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1.1", "1.1.2", "1.1.2.1", "1.1.2.2", "1.1.2.2.1", "1.2", "1.2.1", "1.2.1.1",
             "1.2.1.1.1", "2", "2.1", "2.1.1", "2.2", "2.2.1", "2.2.1.1", "3", "3.1"],
            tree.Whys.Select(w => w.Why.Path));
        Assert.Equal(8, tree.RootCauses.Count());
    }

    [Fact]
    public void TwoFoldAnswer_BranchesIntoTwoFollowUps()
    {
        var fixture = Rust152.Build();
        var canary = WhyTree.Build(fixture.Postmortem).Whys.Single(w => w.Why.Path == "1.1.2");

        Assert.Equal(["1.1.2a", "1.1.2b"], canary.Answers.Select(a => a.Answer.Label));
        Assert.Equal("Why didn't the beta channel cause ICEs for CI services?", Assert.Single(canary.Answers[0].FollowUps).Why.Question);
        var developers = Assert.Single(canary.Answers[1].FollowUps);
        Assert.Equal("1.1.2.2", developers.Why.Path);
        Assert.Equal("1.1.2.2.1", Assert.Single(Assert.Single(developers.Answers).FollowUps).Why.Path);
        Assert.Equal(3, developers.Depth);
    }

    [Fact]
    public void FollowUpsFromDifferentAnswersOfOneWhy_ShareItsNumbering()
    {
        var pm = Draft();
        var why = pm.Do(new AskWhy(null, "Why?"));
        var a = pm.Do(new AnswerWhy(why, "A"));
        var b = pm.Do(new AnswerWhy(why, "B"));

        var first = pm.Do(new AskWhy(a, "From a"));
        var second = pm.Do(new AskWhy(b, "From b"));
        var third = pm.Do(new AskWhy(a, "From a again"));

        Assert.Equal(["1.1", "1.2", "1.3"], new[] { first, second, third }.Select(id => pm.FindWhy(id)!.Path));
    }

    [Fact]
    public void EditingOrRetracting_NeverRenumbersOtherNodes()
    {
        var fixture = Rust152.Build();
        var pm = fixture.Postmortem;
        var before = WhyTree.Build(pm).Whys.ToDictionary(w => w.Why.Id, w => w.Why.Path);

        pm.Do(new EditWhy(fixture.WhyIds["1.1"], "Why did the check reach a stable release?"));
        pm.Do(new RetractWhy(fixture.WhyIds["1.1.1"]));
        pm.Do(new RetractWhyAnswer(fixture.AnswerIds["1.1.2a"]));
        var newTopLevel = pm.Do(new AskWhy(null, "Why was the release not delayed?"));
        var newFollowUp = pm.Do(new AskWhy(fixture.AnswerIds["1.1a"], "Why was the check not behind a flag?"));
        var newAnswer = pm.Do(new AnswerWhy(fixture.WhyIds["1.1.2"], "Another reason."));

        var after = WhyTree.Build(pm).Whys.ToDictionary(w => w.Why.Id, w => w.Why.Path);
        Assert.All(after.Where(kv => before.ContainsKey(kv.Key)), kv => Assert.Equal(before[kv.Key], kv.Value));
        Assert.DoesNotContain("1.1.1", after.Values);
        Assert.DoesNotContain("1.1.1.1", after.Values);
        Assert.DoesNotContain("1.1.2.1", after.Values);
        Assert.Equal("4", pm.FindWhy(newTopLevel)!.Path);
        Assert.Equal("1.1.3", pm.FindWhy(newFollowUp)!.Path);
        Assert.Equal("1.1.2c", pm.FindWhyAnswer(newAnswer)!.Label);
        Assert.Equal(21 - 4 + 2, WhyTree.Build(pm).Whys.Count); // 1.1.1 hid 3 whys, answer 1.1.2a hid 1.1.2.1
    }

    [Fact]
    public void AnswerWhy_UnknownWhy_IsRejectedWithAClearMessageAndNothingChanges()
    {
        var pm = Draft();
        var before = Snapshot.Of(pm);

        var result = pm.Apply(new AnswerWhy(7, "text"), Felix, Now);

        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal("Why 7 does not exist.", result.Error!.Message);
        Assert.Equal(before, Snapshot.Of(pm));
    }

    [Fact]
    public void AskWhy_FromARetractedAnswer_IsRejected()
    {
        var pm = Draft();
        var why = pm.Do(new AskWhy(null, "Why?"));
        var answer = pm.Do(new AnswerWhy(why, "Because."));
        pm.Do(new RetractWhyAnswer(answer));
        var before = Snapshot.Of(pm);

        var result = pm.Apply(new AskWhy(answer, "Follow-up?"), Felix, Now);

        Assert.Equal("Answer 1a was retracted.", result.Error!.Message);
        Assert.Equal(before, Snapshot.Of(pm));
    }

    [Fact]
    public void AnswerWhy_BelowARetractedWhy_IsRejected()
    {
        var pm = Draft();
        var why = pm.Do(new AskWhy(null, "Why?"));
        var answer = pm.Do(new AnswerWhy(why, "Because."));
        var followUp = pm.Do(new AskWhy(answer, "And why?"));
        pm.Do(new RetractWhy(why));

        var result = pm.Apply(new AnswerWhy(followUp, "Hidden branch."), Felix, Now);

        Assert.Equal(ErrorCodes.NotFound, result.Error!.Code);
        Assert.Empty(WhyTree.Build(pm).Whys);
    }

    [Fact]
    public void EditWhyAnswer_WithStaleRevision_KeepsBothTexts()
    {
        var pm = Draft();
        var why = pm.Do(new AskWhy(null, "Why?"));
        var answer = pm.Do(new AnswerWhy(why, "First."));
        pm.Do(new EditWhyAnswer(answer, "Second.", BaseRevision: 1), Wesley);

        var result = pm.Apply(new EditWhyAnswer(answer, "Competing.", BaseRevision: 1), Ana, Now);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal("Second.", result.Conflict!.CurrentText);
        Assert.Equal("Second.", pm.FindWhyAnswer(answer)!.Text);
        Assert.Equal("Competing.", Assert.Single(pm.UnmergedEdits).Text);
    }

    [Fact]
    public void Build_FiftyNodeTree_VisitsEachNodeOnce()
    {
        var pm = Draft();
        var answer = pm.Do(new AnswerWhy(pm.Do(new AskWhy(null, "Why 1?")), "a"));
        for (var i = 0; i < 60; i++)
        {
            var why = pm.Do(new AskWhy(answer, $"Why {i}?"));
            answer = pm.Do(new AnswerWhy(why, $"Because {i}."));
        }

        var tree = WhyTree.Build(pm);

        Assert.Equal(61, tree.Whys.Count);
        Assert.Equal(61, tree.Answers.Count);
        Assert.Equal(60, tree.Whys[^1].Depth);
        Assert.Equal(tree.Whys.Select(w => w.Why.Id).Distinct().Count(), tree.Whys.Count);
    }
}
