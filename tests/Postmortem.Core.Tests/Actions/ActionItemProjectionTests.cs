using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Actions;

/// <summary>The projection rule every storage adapter applies: which items are visible, which changes concern reminders.</summary>
public sealed class ActionItemProjectionTests
{
    [Fact]
    public void RowsOf_SkipsRetractedItems_AndItemsUnderARetractedActionOrLesson()
    {
        var postmortem = Draft();
        var lesson = postmortem.Do(new AddLesson("Lesson.", []));
        var other = postmortem.Do(new AddLesson("Other lesson.", []));
        var action = postmortem.Do(new AddCorrectiveAction(lesson, "Action."));
        var hiddenAction = postmortem.Do(new AddCorrectiveAction(lesson, "Hidden action."));
        var underOther = postmortem.Do(new AddCorrectiveAction(other, "Under the other lesson."));
        var kept = postmortem.Do(new AddActionItem(action, "Kept.", Wesley, new DateOnly(2021, 6, 1)));
        var retracted = postmortem.Do(new AddActionItem(action, "Retracted.", Wesley, null));
        postmortem.Do(new AddActionItem(hiddenAction, "Under a retracted action.", Ana, null));
        postmortem.Do(new AddActionItem(underOther, "Under a retracted lesson.", Ana, null));
        postmortem.Do(new RetractActionItem(retracted));
        postmortem.Do(new RetractCorrectiveAction(hiddenAction));
        postmortem.Do(new RetractLesson(other));

        var rows = ActionItemProjection.RowsOf(postmortem);

        Assert.Equal([new ProjectedActionItem(kept, "1a-i", "Kept.", Wesley.Id, "Wesley", new DateOnly(2021, 6, 1), ActionItemStatus.Open)], rows);
    }

    [Fact]
    public void Compare_QueuesAddedAndRemovedItems_AndOnlyOwnerDueOrStatusChanges()
    {
        var row = new ProjectedActionItem(1, "1a-i", "Text.", Wesley.Id, "Wesley", new DateOnly(2021, 6, 1), ActionItemStatus.Open);
        var before = new[]
        {
            row,
            row with { ItemId = 2 },
            row with { ItemId = 3 },
            row with { ItemId = 4 },
            row with { ItemId = 5 },
            row with { ItemId = 6 },
            row with { ItemId = 7 },
        };
        var after = new[]
        {
            row,                                                   // unchanged
            row with { ItemId = 2, Text = "New text.", Label = "1a-ii", OwnerName = "Wes" }, // changed, not for reminders
            row with { ItemId = 3, OwnerId = Ana.Id, OwnerName = "Ana" },
            row with { ItemId = 4, Due = null },
            row with { ItemId = 5, Status = ActionItemStatus.Done },
            row with { ItemId = 8 },                               // added
        };                                                         // 6 and 7 removed

        var changes = ActionItemProjection.Compare(before, after);

        Assert.Equal([8], changes.Added.Select(r => r.ItemId));
        Assert.Equal([2, 3, 4, 5], changes.Changed.Select(r => r.ItemId));
        Assert.Equal([6, 7], changes.Removed);
        Assert.Equal([3, 4, 5, 8, 6, 7], changes.ReminderChanges);
        Assert.True(ActionItemProjection.Compare(before, before).IsEmpty);
        Assert.Empty(ActionItemProjection.Compare(before, before).ReminderChanges);
    }

    [Fact]
    public void ToView_FallsBackToTheOwnerIdForAMissingName()
    {
        var row = new ProjectedActionItem(1, "1a-i", "Text.", Wesley.Id, null, null, ActionItemStatus.Open);

        var view = row.ToView(new PostmortemId(3), "guild-1", Now);

        Assert.Equal(new ActionItemView(new PostmortemId(3), 1, "guild-1", "1a-i", "Text.", new UserRef(Wesley.Id, Wesley.Id), null, ActionItemStatus.Open, Now), view);
        Assert.Null((row with { OwnerId = null }).ToView(new PostmortemId(3), "guild-1", Now).Owner);
    }

    [Fact]
    public void FromOneMore_ReturnsTheAskedItems_AndACursorOnlyWhenOneMoreWasRead()
    {
        var items = Enumerable.Range(1, 3)
            .Select(i => new ActionItemView(new PostmortemId(1), i, "g", "l", "t", Wesley, new DateOnly(2021, 6, i), ActionItemStatus.Open, Now))
            .ToList();

        var full = ActionItemPage.FromOneMore(items, 2);
        var last = ActionItemPage.FromOneMore(items, 3);

        Assert.Equal([1, 2], full.Items.Select(i => i.ItemId));
        Assert.Equal(new ActionItemCursor(new DateOnly(2021, 6, 2), new PostmortemId(1), 2), full.Next);
        Assert.Equal(3, last.Items.Count);
        Assert.Null(last.Next);
    }
}
