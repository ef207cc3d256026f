using Postmortem.Core.Actions;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Text;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Actions;

public sealed class ActionTests
{
    private static readonly DateOnly _today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory]
    [InlineData(1, "a", "i")]
    [InlineData(2, "b", "ii")]
    [InlineData(4, "d", "iv")]
    [InlineData(9, "i", "ix")]
    [InlineData(14, "n", "xiv")]
    [InlineData(26, "z", "xxvi")]
    [InlineData(27, "aa", "xxvii")]
    [InlineData(40, "an", "xl")]
    public void Numbering_MatchesTheTemplate(int ordinal, string letters, string roman)
    {
        Assert.Equal(letters, Numbering.Letters(ordinal));
        Assert.Equal(roman, Numbering.Roman(ordinal));
    }

    [Fact]
    public void LessonsActionsAndItems_AreNumbered5_5a_5aI()
    {
        var pm = Draft();
        for (var i = 1; i < 5; i++)
        {
            pm.Do(new AddLesson($"Lesson {i}.", []));
        }

        var lesson = pm.Do(new AddLesson("We need to communicate more quickly with our users.", []));
        var playbook = pm.Do(new AddCorrectiveAction(lesson, "Define a playbook."));
        var psa = pm.Do(new AddCorrectiveAction(lesson, "Add PSAs to rustup."));
        var survey = pm.Do(new AddActionItem(playbook, "Survey playbooks.", Wesley, _today.AddDays(21)));
        var second = pm.Do(new AddActionItem(playbook, "Draft the playbook.", Wesley, _today.AddDays(30)));

        Assert.Equal("5", pm.FindLesson(lesson)!.Label);
        Assert.Equal(("5a", "5b"), (pm.FindCorrectiveAction(playbook)!.Label, pm.FindCorrectiveAction(psa)!.Label));
        Assert.Equal(("5a-i", "5a-ii"), (pm.FindActionItem(survey)!.Label, pm.FindActionItem(second)!.Label));
    }

    [Fact]
    public void Retracting_KeepsTheNumbersOfEverythingElse()
    {
        var pm = Draft();
        var first = pm.Do(new AddLesson("One.", []));
        var second = pm.Do(new AddLesson("Two.", []));
        var action = pm.Do(new AddCorrectiveAction(second, "A."));
        var item = pm.Do(new AddActionItem(action, "Item.", null, null));

        pm.Do(new RetractLesson(first));
        pm.Do(new RetractActionItem(item));
        var third = pm.Do(new AddLesson("Three.", []));
        var nextItem = pm.Do(new AddActionItem(action, "Next.", null, null));

        Assert.Equal(("2", "3"), (pm.FindLesson(second)!.Label, pm.FindLesson(third)!.Label));
        Assert.Equal("2a-ii", pm.FindActionItem(nextItem)!.Label);
        Assert.True(pm.IsHidden(pm.FindActionItem(item)!));
    }

    [Fact]
    public void RetractedLesson_HidesItsActionsAndRejectsNewOnes()
    {
        var pm = Draft();
        var lesson = pm.Do(new AddLesson("One.", []));
        var action = pm.Do(new AddCorrectiveAction(lesson, "A."));
        pm.Do(new RetractLesson(lesson));

        Assert.True(pm.IsHidden(pm.FindCorrectiveAction(action)!));
        Assert.Equal("Corrective action 1a was removed.", pm.Apply(new AddActionItem(action, "x", null, null), Felix, Now).Error!.Message);
    }

    [Fact]
    public void AddActionItem_DueInThePast_IsRejected()
    {
        var pm = Draft();
        var action = pm.Do(new AddCorrectiveAction(pm.Do(new AddLesson("L.", [])), "A."));
        var before = Snapshot.Of(pm);

        var result = pm.Apply(new AddActionItem(action, "Late.", Wesley, _today.AddDays(-2)), Felix, Now);

        Assert.Equal("The due date 2021-05-08 is in the past.", result.Error!.Message);
        Assert.Equal(before, Snapshot.Of(pm));
        // Yesterday in UTC may still be today somewhere west of UTC.
        Assert.True(pm.Apply(new AddActionItem(action, "Today somewhere.", Wesley, _today.AddDays(-1)), Felix, Now).Succeeded);
    }

    [Fact]
    public void EditActionItem_KeepsAnUnchangedDueDateEvenOnceItHasPassed()
    {
        var pm = Draft();
        var action = pm.Do(new AddCorrectiveAction(pm.Do(new AddLesson("L.", [])), "A."));
        var item = pm.Do(new AddActionItem(action, "Item.", null, _today));

        var later = pm.Apply(new EditActionItem(item, "Item, reworded.", Ana, _today, BaseRevision: 1), Felix, Now.AddDays(10));
        var moved = pm.Apply(new EditActionItem(item, "Item, reworded.", Ana, _today.AddDays(1), BaseRevision: 2), Felix, Now.AddDays(10));

        Assert.True(later.Succeeded);
        Assert.Equal(ErrorCodes.Invalid, moved.Error!.Code);
        Assert.Equal((Ana, "Item, reworded."), (pm.FindActionItem(item)!.Owner, pm.FindActionItem(item)!.Text));
    }

    [Fact]
    public void ActionItemStatus_FollowsOpenDoneDroppedAndReopen()
    {
        var pm = Draft();
        var action = pm.Do(new AddCorrectiveAction(pm.Do(new AddLesson("L.", [])), "A."));
        var item = pm.Do(new AddActionItem(action, "Item.", Wesley, _today.AddDays(7)));

        Assert.Equal(ErrorCodes.Invalid, pm.Apply(new DropActionItem(item, " "), Felix, Now).Error!.Code);
        pm.Do(new DropActionItem(item, "No longer needed."));
        Assert.Equal(ErrorCodes.WrongState, pm.Apply(new CompleteActionItem(item), Felix, Now).Error!.Code);
        pm.Do(new ReopenActionItem(item));
        pm.Do(new CompleteActionItem(item, "https://example.org/pr/2"));

        var done = pm.FindActionItem(item)!;
        Assert.Equal((ActionItemStatus.Done, "https://example.org/pr/2", (string?)null, (DateTimeOffset?)Now), (done.Status, done.Evidence, done.DropReason, done.ClosedAt));
        Assert.Equal(ErrorCodes.WrongState, pm.Apply(new DropActionItem(item, "why"), Felix, Now).Error!.Code);
    }

    [Fact]
    public void AddLesson_LinksOnlyAnswersMarkedAsRootCauses()
    {
        var pm = Draft();
        var answer = pm.Do(new AnswerWhy(pm.Do(new AskWhy(null, "Why?")), "Because."));

        var rejected = pm.Apply(new AddLesson("L.", [answer]), Felix, Now);
        pm.Do(new MarkRootCause(answer));
        var lesson = pm.Do(new AddLesson("L.", [answer, answer]));

        Assert.Equal("Answer 1a is not marked as a root cause.", rejected.Error!.Message);
        Assert.Equal([answer], pm.FindLesson(lesson)!.RootCauseAnswerIds);
    }

    [Fact]
    public void EditLesson_WithoutRootCauses_KeepsTheLinks()
    {
        var pm = Draft();
        var answer = pm.Do(new AnswerWhy(pm.Do(new AskWhy(null, "Why?")), "Because."));
        pm.Do(new MarkRootCause(answer));
        var lesson = pm.Do(new AddLesson("L.", [answer]));

        pm.Do(new EditLesson(lesson, "Lesson, reworded."));

        var edited = pm.FindLesson(lesson)!;
        Assert.Equal([answer], edited.RootCauseAnswerIds);
        Assert.Equal(("Lesson, reworded.", 2), (edited.Text, edited.Revision));
    }

    [Fact]
    public void DueAt_ResolvesTheDateInTheTeamsZone()
    {
        var item = new ActionItem
        {
            Id = 1,
            CorrectiveActionId = 1,
            Ordinal = 1,
            Label = "1a-i",
            Text = "x",
            Author = Felix,
            At = Now,
            Due = new DateOnly(2021, 3, 28),
        };
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Equal(new DateTimeOffset(2021, 3, 28, 7, 0, 0, TimeSpan.Zero), item.DueAt(paris, new TimeOnly(9, 0)));
        // 02:30 does not exist that night in Paris (clocks jump to 03:00); the same wall time an hour later does.
        Assert.Equal(new DateTimeOffset(2021, 3, 28, 1, 30, 0, TimeSpan.Zero), item.DueAt(paris, new TimeOnly(2, 30)));
        Assert.Null((item with { Due = null }).DueAt(paris, new TimeOnly(9, 0)));
    }
}
