using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Sections;
using Postmortem.Storage.Contract.Support;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Contract;

/// <summary>The action-item projection, through <see cref="IActionItemQueries"/> and the change queue.</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task Projection_HoldsTheVisibleItems_WithTheirCurrentValuesAndStatus()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock);

        var open = Assert.Single(await Ports.ActionItems.ListOpenAsync("guild-1"), o => o.Item.Owner is not null);
        var projected = await ProjectionAsync();

        Assert.Equal(
            new ActionItemView(rich.Id, rich.OpenItemId, "guild-1", "1a-i", "Contact two CI providers.", Wesley,
                new DateOnly(2021, 6, 1), ActionItemStatus.Open, open.Item.UpdatedAt),
            open.Item);
        Assert.Equal(("1.52.0 incremental compilation ICEs", "channel-1", "thread-guild-1"), (open.PostmortemTitle, open.ChannelId, open.ThreadId));
        Assert.Equal(
            [(rich.OpenItemId, ActionItemStatus.Open), (rich.UnownedItemId, ActionItemStatus.Open), (rich.DoneItemId, ActionItemStatus.Done), (rich.DroppedItemId, ActionItemStatus.Dropped)],
            projected.Select(v => (v.ItemId, v.Status)));
        Assert.Equal(Rows(rich.Latest).Select(r => r.ToView(rich.Id, "guild-1", default) with { UpdatedAt = default }), projected.Select(v => v with { UpdatedAt = default }));
    }

    [Fact]
    public async Task Projection_FollowsOwnerDueAndStatusChanges_AndStampsTheChangedRow()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock);
        var before = (await ProjectionAsync()).Single(v => v.ItemId == rich.OpenItemId);

        await rich.DoAsync(new EditActionItem(rich.OpenItemId, "Contact three CI providers.", Ana, new DateOnly(2021, 6, 20)));

        var edited = (await ProjectionAsync()).Single(v => v.ItemId == rich.OpenItemId);
        Assert.Equal(("Contact three CI providers.", Ana, new DateOnly(2021, 6, 20)), (edited.Text, edited.Owner, edited.Due));
        Assert.Equal(rich.Latest.UpdatedAt, edited.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, edited.UpdatedAt.Offset);
        Assert.True(edited.UpdatedAt > before.UpdatedAt);

        await rich.DoAsync(new CompleteActionItem(rich.OpenItemId), Ana);
        Assert.Equal(ActionItemStatus.Done, (await ProjectionAsync()).Single(v => v.ItemId == rich.OpenItemId).Status);
        Assert.DoesNotContain(await Ports.ActionItems.ListOpenAsync("guild-1"), o => o.Item.ItemId == rich.OpenItemId);

        await rich.DoAsync(new ReopenActionItem(rich.OpenItemId), Ana);
        Assert.Equal(ActionItemStatus.Open, (await ProjectionAsync()).Single(v => v.ItemId == rich.OpenItemId).Status);

        await rich.DoAsync(new EditActionItem(rich.OpenItemId, "Contact three CI providers.", null, null));
        var unowned = (await ProjectionAsync()).Single(v => v.ItemId == rich.OpenItemId);
        Assert.Equal((null, null), (unowned.Owner, unowned.Due));
        Assert.Empty((await Ports.ActionItems.ListOpenWithDueAsync()).Items);
    }

    [Fact]
    public async Task Projection_LeavesUnchangedRowsAlone_IncludingTheirTimestamp()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock);
        var others = (await ProjectionAsync()).Where(v => v.ItemId != rich.OpenItemId).ToList();

        await rich.DoAsync(new EditActionItem(rich.OpenItemId, "Contact three CI providers.", Wesley, new DateOnly(2021, 6, 1)));
        await rich.DoAsync(new AnswerSection("summary", "A save that touches no action item."));

        Assert.Equal(others, (await ProjectionAsync()).Where(v => v.ItemId != rich.OpenItemId));
    }

    [Fact]
    public async Task Projection_DropsRetractedItems_AndItemsUnderRetractedParents()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock);

        await rich.DoAsync(new RetractActionItem(rich.OpenItemId));
        Assert.DoesNotContain(await ProjectionAsync(), v => v.ItemId == rich.OpenItemId);

        await rich.DoAsync(new RetractLesson(rich.Latest.Lessons[1].Id));

        Assert.Equal([rich.UnownedItemId], (await ProjectionAsync()).Select(v => v.ItemId));
    }

    [Fact]
    public async Task Projection_StaysRight_WhenTwoInstancesTakeTurnsWriting()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock);
        var otherPorts = await ReopenAsync();
        var other = new RichPostmortem(new PostmortemService(otherPorts.Postmortems, Clock), Clock, rich.Id);

        await other.DoAsync(new EditActionItem(rich.OpenItemId, "Contact CI providers.", Ana, new DateOnly(2021, 6, 5)));
        await rich.DoAsync(new AddActionItem(rich.Latest.CorrectiveActions[0].Id, "Follow up.", Wesley, new DateOnly(2021, 6, 6)));
        await other.DoAsync(new RetractActionItem(rich.UnownedItemId));
        await rich.DoAsync(new DropActionItem(rich.OpenItemId, "Done differently."), Ana);

        var expected = Rows((await Ports.Postmortems.GetAsync(rich.Id))!);
        var projected = await ProjectionAsync();
        Assert.Equal(expected.OrderBy(r => r.ItemId).Select(r => (r.ItemId, r.OwnerId, r.Due, r.Status)), projected.Select(v => (v.ItemId, v.Owner?.Id, v.Due, v.Status)));
        Assert.Equal(4, projected.Count);
        Assert.Contains((rich.OpenItemId, Ana.Id, new DateOnly(2021, 6, 5), ActionItemStatus.Dropped), projected.Select(v => (v.ItemId, v.Owner?.Id, v.Due!.Value, v.Status)));
    }

    [Fact]
    public async Task ListOpen_FiltersByOwnerAndDueBefore_UndatedLast_InThatGuildOnly()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock, "guild-1");
        var early = await AddItemAsync(rich.Id, Ana, new DateOnly(2021, 5, 20), "Early.");
        await RichPostmortem.BuildAsync(Service, Clock, "guild-2");

        Assert.Equal([early, rich.OpenItemId, rich.UnownedItemId], (await Ports.ActionItems.ListOpenAsync("guild-1")).Select(o => o.Item.ItemId));
        Assert.Equal([rich.OpenItemId], (await Ports.ActionItems.ListOpenAsync("guild-1", ownerId: Wesley.Id)).Select(o => o.Item.ItemId));
        Assert.Empty(await Ports.ActionItems.ListOpenAsync("guild-1", ownerId: Felix.Id)); // his item is dropped
        Assert.Equal([early], (await Ports.ActionItems.ListOpenAsync("guild-1", dueBefore: new DateOnly(2021, 6, 1))).Select(o => o.Item.ItemId));
        Assert.Equal([early, rich.OpenItemId], (await Ports.ActionItems.ListOpenAsync("guild-1", dueBefore: new DateOnly(2021, 6, 2))).Select(o => o.Item.ItemId));
        // The done (due 1 July) and dropped (due 15 June) items are never overdue.
        Assert.Equal(2, (await Ports.ActionItems.ListOpenAsync("guild-1", dueBefore: new DateOnly(2022, 1, 1))).Count);
        Assert.Empty(await Ports.ActionItems.ListOpenAsync("guild-1", ownerId: Ana.Id, dueBefore: new DateOnly(2021, 5, 20)));
        Assert.Equal([early], (await Ports.ActionItems.ListOpenAsync("guild-1", limit: 1)).Select(o => o.Item.ItemId));
        Assert.All(await Ports.ActionItems.ListOpenAsync("guild-2"), o => Assert.Equal("guild-2", o.Item.GuildId));
        Assert.Equal(2, (await Ports.ActionItems.ListOpenAsync("guild-2")).Count);
        Assert.Empty(await Ports.ActionItems.ListOpenAsync("guild-3"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ports.ActionItems.ListOpenAsync("guild-1", limit: 0));
    }

    [Fact]
    public async Task ListOpen_OrdersByDueThenPostmortemThenItem()
    {
        var first = await StartAsync(title: "First");
        var second = await StartAsync(title: "Second");
        var a = await AddItemAsync(second, Ana, new DateOnly(2021, 6, 1));
        var b = await AddItemAsync(first, Ana, new DateOnly(2021, 6, 1));
        var c = await AddItemAsync(first, Ana, new DateOnly(2021, 6, 1));
        var d = await AddItemAsync(first, Ana, new DateOnly(2021, 5, 30));

        var listed = await Ports.ActionItems.ListOpenAsync("guild-1");

        Assert.Equal([(first, d), (first, b), (first, c), (second, a)], listed.Select(o => (o.Item.PostmortemId, o.Item.ItemId)));
        Assert.Equal(["First", "First", "First", "Second"], listed.Select(o => o.PostmortemTitle));
    }

    [Fact]
    public async Task ListOpenWithDue_PagesThroughEveryGuildInDueOrder_WithAKeysetCursor()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock, "guild-1");
        for (var day = 1; day <= 4; day++)
        {
            await AddItemAsync(rich.Id, Ana, new DateOnly(2021, 5, 20 + day), $"Follow-up {day}");
        }

        var other = await RichPostmortem.BuildAsync(Service, Clock, "guild-2");

        var seen = new List<ActionItemView>();
        var pages = 0;
        ActionItemCursor? cursor = null;
        do
        {
            var page = await Ports.ActionItems.ListOpenWithDueAsync(cursor, pageSize: 2);
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(
            [
                ("guild-1", new DateOnly(2021, 5, 21)), ("guild-1", new DateOnly(2021, 5, 22)),
                ("guild-1", new DateOnly(2021, 5, 23)), ("guild-1", new DateOnly(2021, 5, 24)),
                ("guild-1", new DateOnly(2021, 6, 1)), ("guild-2", new DateOnly(2021, 6, 1)),
            ],
            seen.Select(i => (i.GuildId, i.Due!.Value)));
        Assert.Equal(other.OpenItemId, seen[^1].ItemId);
        Assert.All(seen, i => Assert.Equal(ActionItemStatus.Open, i.Status));
        Assert.All(seen, i => Assert.NotNull(i.Owner));
        var whole = await Ports.ActionItems.ListOpenWithDueAsync(pageSize: 6);
        Assert.Null(whole.Next);
        Assert.Equal(seen, whole.Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(StorageLimits.MaxActionItemPage + 1)]
    public async Task ListOpenWithDue_OutsideThePageLimits_Throws(int pageSize) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ports.ActionItems.ListOpenWithDueAsync(pageSize: pageSize));

    [Fact]
    public async Task ListOpenWithDue_ResumesAfterTheCursor_IncludingItemsSavedMeanwhile()
    {
        var id = await StartAsync();
        var first = await AddItemAsync(id, Ana, new DateOnly(2021, 6, 1));
        await AddItemAsync(id, Ana, new DateOnly(2021, 6, 3));
        var page = await Ports.ActionItems.ListOpenWithDueAsync(pageSize: 1);
        Assert.Equal(new ActionItemCursor(new DateOnly(2021, 6, 1), id, first), page.Next);

        var between = await AddItemAsync(id, Wesley, new DateOnly(2021, 6, 2));
        var before = await AddItemAsync(id, Wesley, new DateOnly(2021, 5, 15));

        var rest = await Ports.ActionItems.ListOpenWithDueAsync(page.Next, pageSize: 10);
        Assert.Equal([new DateOnly(2021, 6, 2), new DateOnly(2021, 6, 3)], rest.Items.Select(i => i.Due!.Value));
        Assert.Equal(between, rest.Items[0].ItemId);
        Assert.DoesNotContain(rest.Items, i => i.ItemId == before);
    }

    /// <summary>Every row of the projection (closed ones too), read through the change queue after requeueing them all.</summary>
    private async Task<IReadOnlyList<ActionItemView>> ProjectionAsync()
    {
        await DrainChangesAsync();
        foreach (var summary in await Ports.Postmortems.ListAsync("guild-1", limit: 100))
        {
            foreach (var item in (await Ports.Postmortems.GetAsync(summary.Id))!.ActionItems)
            {
                await Ports.ReminderSchedule.MarkDirtyAsync(new(summary.Id, item.Id));
            }
        }

        var seen = await DrainChangesAsync();
        return [.. seen.Where(d => d.Item is not null).Select(d => d.Item!).OrderBy(v => v.PostmortemId.Value).ThenBy(v => v.ItemId)];
    }
}
