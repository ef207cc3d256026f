using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Core.Sections;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Contract;

/// <summary><see cref="IReminderScheduleStore"/>: the change queue, the schedule rows and the delivery log.</summary>
public abstract partial class StorageContract
{
    private static readonly DateTimeOffset _slot = new DateTimeOffset(2021, 5, 25, 9, 0, 0, TimeSpan.Zero).AddTicks(42);

    [Fact]
    public async Task ChangeQueue_AfterCreate_HoldsEveryProjectedItemOfTheDraft()
    {
        var draft = Core.Postmortem.Start("guild-1", "channel-1", "Imported", Felix, Now, "rust-compiler-2021");
        var lesson = draft.Apply(new AddLesson("Lesson.", []), Felix, Now).CreatedId!.Value;
        var action = draft.Apply(new AddCorrectiveAction(lesson, "Action."), Felix, Now).CreatedId!.Value;
        var owned = draft.Apply(new AddActionItem(action, "Owned.", Wesley, new DateOnly(2021, 6, 1)), Felix, Now).CreatedId!.Value;
        var unowned = draft.Apply(new AddActionItem(action, "Unowned.", null, null), Felix, Now).CreatedId!.Value;
        var retracted = draft.Apply(new AddActionItem(action, "Retracted.", Ana, new DateOnly(2021, 6, 2)), Felix, Now).CreatedId!.Value;
        draft.Apply(new RetractActionItem(retracted), Felix, Now);

        var id = await Ports.Postmortems.CreateAsync(draft);

        var queued = await DrainChangesAsync();
        Assert.Equal([new ReminderKey(id, owned), new ReminderKey(id, unowned)], queued.Select(d => d.Key));
        Assert.Equal((Wesley, new DateOnly(2021, 6, 1), ActionItemStatus.Open), (queued[0].Item!.Owner, queued[0].Item!.Due, queued[0].Item!.Status));
        Assert.Empty(await DrainChangesAsync());
        await StartAsync();
        Assert.Empty(await DrainChangesAsync());
    }

    [Fact]
    public async Task ChangeQueue_AfterSaves_HoldsExactlyTheItemsWhoseOwnerDueOrStatusChanged()
    {
        var id = await StartAsync();
        var item = await AddItemAsync(id, Wesley, new DateOnly(2021, 6, 1));
        var other = await AddItemAsync(id, Ana, new DateOnly(2021, 6, 2));
        var key = new ReminderKey(id, item);
        Assert.Equal([key, new ReminderKey(id, other)], (await DrainChangesAsync()).Select(d => d.Key));

        await DoAsync(id, new EditActionItem(item, "Only the text changed.", Wesley, new DateOnly(2021, 6, 1)));
        await DoAsync(id, new AnswerSection("summary", "Nothing about action items."));
        await DoAsync(id, new EditActionItem(item, "Only the text changed.", new UserRef(Wesley.Id, "Wes"), new DateOnly(2021, 6, 1)));
        Assert.Empty(await DrainChangesAsync());

        await DoAsync(id, new EditActionItem(item, "New owner.", Ana, new DateOnly(2021, 6, 1)));
        Assert.Equal(Ana, Assert.Single(await DrainChangesAsync(), d => d.Key == key).Item!.Owner);

        await DoAsync(id, new EditActionItem(item, "New due date.", Ana, new DateOnly(2021, 6, 9)));
        Assert.Equal(new DateOnly(2021, 6, 9), Assert.Single(await DrainChangesAsync()).Item!.Due);

        await DoAsync(id, new CompleteActionItem(item, "https://example.com/pr/1"), Ana);
        Assert.Equal(ActionItemStatus.Done, Assert.Single(await DrainChangesAsync()).Item!.Status);

        await DoAsync(id, new ReopenActionItem(item), Ana);
        Assert.Equal(ActionItemStatus.Open, Assert.Single(await DrainChangesAsync()).Item!.Status);

        await DoAsync(id, new DropActionItem(item, "Not needed."), Ana);
        Assert.Equal(ActionItemStatus.Dropped, Assert.Single(await DrainChangesAsync()).Item!.Status);

        await DoAsync(id, new RetractActionItem(other));
        var retracted = Assert.Single(await DrainChangesAsync());
        Assert.Equal((new ReminderKey(id, other), null), (retracted.Key, retracted.Item));
    }

    [Fact]
    public async Task ChangeQueue_WhenAParentIsRetracted_QueuesItsItemsAsRemoved()
    {
        var id = await StartAsync();
        var item = await AddItemAsync(id, Wesley, new DateOnly(2021, 6, 1));
        await DrainChangesAsync();
        var lesson = (await Ports.Postmortems.GetAsync(id))!.Lessons[0].Id;

        await DoAsync(id, new RetractLesson(lesson));

        var removed = Assert.Single(await DrainChangesAsync());
        Assert.Equal((new ReminderKey(id, item), null), (removed.Key, removed.Item));
    }

    [Fact]
    public async Task SyncDirty_WritesEachDecision_RemovesItsEntry_AndReportsTheEarliestNextAt()
    {
        var (id, items) = await ScheduledAsync(3);
        Assert.Equal(3, await Ports.ReminderSchedule.CountAsync());
        Assert.Equal(0, await Ports.ReminderSchedule.CountDirtyAsync());
        var row = (await Ports.ReminderSchedule.GetAsync(new(id, items[1])))!;
        Assert.Equal(Row(new(id, items[1]), _slot.AddDays(1)), row);
        Assert.Equal(TimeSpan.Zero, row.Since.Offset);

        await Ports.ReminderSchedule.MarkDirtyAsync(new(id, items[0]));
        await Ports.ReminderSchedule.MarkDirtyAsync(new(id, items[2]));
        var seen = new List<DirtyReminder>();
        var batch = await Ports.ReminderSchedule.SyncDirtyAsync(
            d =>
            {
                seen.Add(d);
                return d.Key.ItemId == items[0] ? null : d.Existing! with { NextAt = _slot.AddHours(-1), Attempts = 2, LastError = "boom" };
            });

        Assert.Equal(new ReminderSyncBatch(2, _slot.AddHours(-1)), batch);
        Assert.Equal([items[0], items[2]], seen.Select(d => d.Key.ItemId));
        Assert.Equal(Row(new(id, items[0]), _slot), seen[0].Existing);
        Assert.Null(await Ports.ReminderSchedule.GetAsync(new(id, items[0])));
        Assert.Equal((2, "boom"), ((await Ports.ReminderSchedule.GetAsync(new(id, items[2])))!.Attempts, (await Ports.ReminderSchedule.GetAsync(new(id, items[2])))!.LastError));
        Assert.Equal(2, await Ports.ReminderSchedule.CountAsync());
        Assert.Equal(0, await Ports.ReminderSchedule.CountDirtyAsync());
        Assert.Equal(new ReminderSyncBatch(0, null), await Ports.ReminderSchedule.SyncDirtyAsync(_ => throw new InvalidOperationException("nothing is queued")));
    }

    [Fact]
    public async Task SyncDirty_TakesBatchesInKeyOrder()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        var b = await AddItemAsync(second, Ana, new DateOnly(2021, 6, 1));
        var a = await AddItemAsync(first, Ana, new DateOnly(2021, 6, 1));
        var c = await AddItemAsync(first, Ana, new DateOnly(2021, 6, 2));

        var firstBatch = new List<ReminderKey>();
        var count = (await Ports.ReminderSchedule.SyncDirtyAsync(d => { firstBatch.Add(d.Key); return null; }, batchSize: 2)).Count;

        Assert.Equal(2, count);
        Assert.Equal([new ReminderKey(first, a), new ReminderKey(first, c)], firstBatch);
        Assert.Equal([new ReminderKey(second, b)], (await DrainChangesAsync()).Select(d => d.Key));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ports.ReminderSchedule.SyncDirtyAsync(_ => null, batchSize: 0));
    }

    [Fact]
    public async Task SyncDirty_WhenADecisionNamesAnotherItem_ThrowsAndWritesNothing()
    {
        var (id, items) = await ScheduledAsync(2);
        await Ports.ReminderSchedule.MarkDirtyAsync(new(id, items[0]));
        await Ports.ReminderSchedule.MarkDirtyAsync(new(id, items[1]));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Ports.ReminderSchedule.SyncDirtyAsync(
            d => d.Key.ItemId == items[0] ? null : d.Existing! with { Key = new(id, 999) }));

        Assert.Equal(2, await Ports.ReminderSchedule.CountDirtyAsync());
        Assert.NotNull(await Ports.ReminderSchedule.GetAsync(new(id, items[0])));
        Assert.Null(await Ports.ReminderSchedule.GetAsync(new(id, 999)));
    }

    [Fact]
    public async Task SyncDirty_NeverLosesAChangeSavedWhileItRuns()
    {
        var id = await StartAsync();
        var items = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            items.Add(await AddItemAsync(id, Wesley, new DateOnly(2021, 6, 1)));
        }

        // One writer keeps moving due dates while the sync keeps draining: afterwards every row must match the projection.
        using var done = new CancellationTokenSource();
        var syncing = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await Ports.ReminderSchedule.SyncDirtyAsync(FollowProjection, batchSize: 2);
            }
        });
        var service = Service;
        for (var round = 1; round <= 10; round++)
        {
            foreach (var item in items)
            {
                var outcome = await service.ExecuteAsync(id, new EditActionItem(item, "Moving.", Wesley, new DateOnly(2021, 6, 1).AddDays(round + item)), Felix);
                Assert.True(outcome.Succeeded, outcome.Result.Message);
            }
        }

        await done.CancelAsync();
        await syncing.WaitAsync(TimeSpan.FromSeconds(60));
        while ((await Ports.ReminderSchedule.SyncDirtyAsync(FollowProjection)).Count > 0)
        {
        }

        var postmortem = (await Ports.Postmortems.GetAsync(id))!;
        foreach (var item in items)
        {
            Assert.Equal(postmortem.FindActionItem(item)!.Due, (await Ports.ReminderSchedule.GetAsync(new(id, item)))!.Due);
        }
    }

    [Fact]
    public async Task MarkDirty_IsIdempotent_AndAcceptsItemsWithoutAProjectionRow()
    {
        var id = await StartAsync();
        var ghost = new ReminderKey(id, 77);

        await Ports.ReminderSchedule.MarkDirtyAsync(ghost);
        await Ports.ReminderSchedule.MarkDirtyAsync(ghost);

        Assert.Equal(1, await Ports.ReminderSchedule.CountDirtyAsync());
        var entry = Assert.Single(await DrainChangesAsync());
        Assert.Equal((ghost, null, null), (entry.Key, entry.Item, entry.Existing));
    }

    [Fact]
    public async Task MarkGuildDirty_QueuesOnlyThatGuildsScheduledItems()
    {
        var (mine, myItems) = await ScheduledAsync(2);
        var theirs = await StartAsync("guild-2");
        var theirItem = await AddItemAsync(theirs, Wesley, new DateOnly(2021, 6, 1));
        await Ports.ReminderSchedule.SyncDirtyAsync(d => Row(d.Key, _slot, "guild-2"));
        await AddItemAsync(mine, null, null);
        await DrainChangesAsync(keep: true);

        await Ports.ReminderSchedule.MarkGuildDirtyAsync("guild-1");
        await Ports.ReminderSchedule.MarkGuildDirtyAsync("guild-1");

        Assert.Equal(myItems.Select(i => new ReminderKey(mine, i)), (await DrainChangesAsync(keep: true)).Select(d => d.Key));
        await Ports.ReminderSchedule.MarkGuildDirtyAsync("guild-2");
        Assert.Equal([new ReminderKey(theirs, theirItem)], (await DrainChangesAsync(keep: true)).Select(d => d.Key));
        await Ports.ReminderSchedule.MarkGuildDirtyAsync("guild-3");
        Assert.Equal(0, await Ports.ReminderSchedule.CountDirtyAsync());
    }

    [Fact]
    public async Task ListDue_PagesInNextAtOrder_SkipsFutureAndUnscheduledRows()
    {
        var (id, items) = await ScheduledAsync(5, i => i switch
        {
            0 => _slot.AddHours(2),
            1 => _slot,
            2 => _slot,
            3 => null,
            _ => _slot.AddDays(3),
        });

        var first = await Ports.ReminderSchedule.ListDueAsync(_slot.AddHours(2), limit: 2);
        var second = await Ports.ReminderSchedule.ListDueAsync(_slot.AddHours(2), first[^1], limit: 2);
        var third = await Ports.ReminderSchedule.ListDueAsync(_slot.AddHours(2), second[^1], limit: 2);

        Assert.Equal([items[1], items[2]], first.Select(r => r.Key.ItemId));
        Assert.Equal([items[0]], second.Select(r => r.Key.ItemId));
        Assert.Empty(third);
        Assert.Empty(await Ports.ReminderSchedule.ListDueAsync(_slot.AddTicks(-1)));
        Assert.Equal([items[1], items[2]], (await Ports.ReminderSchedule.ListDueAsync(_slot)).Select(r => r.Key.ItemId));
        Assert.All(first, r => Assert.Equal(id, r.Key.PostmortemId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ports.ReminderSchedule.ListDueAsync(_slot, limit: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ports.ReminderSchedule.ListDueAsync(_slot, limit: StorageLimits.MaxDuePage + 1));
    }

    [Fact]
    public async Task EarliestNextAt_IsTheMinimum_AndTheAfterVariantIsStrict()
    {
        Assert.Null(await Ports.ReminderSchedule.EarliestNextAtAsync());
        await ScheduledAsync(3, i => i == 1 ? null : _slot.AddDays(i));

        Assert.Equal(_slot, await Ports.ReminderSchedule.EarliestNextAtAsync());
        Assert.Equal(_slot.AddDays(2), await Ports.ReminderSchedule.EarliestNextAtAfterAsync(_slot));
        Assert.Equal(_slot, await Ports.ReminderSchedule.EarliestNextAtAfterAsync(_slot.AddTicks(-1)));
        Assert.Null(await Ports.ReminderSchedule.EarliestNextAtAfterAsync(_slot.AddDays(2)));
    }

    [Fact]
    public async Task RecordDelivery_IsIdempotentPerItemAndSlot_AndAdvancesTheRow()
    {
        var (id, items) = await ScheduledAsync(1);
        var key = new ReminderKey(id, items[0]);
        var read = (await Ports.ReminderSchedule.GetAsync(key))!;
        await Ports.ReminderSchedule.RecordRetryAsync(read, 1, _slot.AddMinutes(5), "timeout");
        read = (await Ports.ReminderSchedule.GetAsync(key))!;
        var sentAt = _slot.AddMinutes(1).ToOffset(TimeSpan.FromHours(9));

        await Ports.ReminderSchedule.RecordDeliveryAsync(new(key, _slot, sentAt, DeliveryChannel.Dm, "dm-1", "msg-1"), read, _slot.AddDays(6));
        await Ports.ReminderSchedule.RecordDeliveryAsync(new(key, _slot, sentAt.AddMinutes(9), DeliveryChannel.Thread, "thread-1", "msg-2"), read, _slot.AddDays(6));

        var record = Assert.Single(await Ports.ReminderSchedule.ListDeliveriesAsync(key));
        Assert.Equal(new ReminderDeliveryRecord(key, _slot, sentAt, DeliveryChannel.Dm, "dm-1", "msg-1"), record);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (record.Slot.Offset, record.SentAt.Offset));
        Assert.True(await Ports.ReminderSchedule.HasDeliveryAsync(key, _slot));
        Assert.True(await Ports.ReminderSchedule.HasDeliveryAsync(key, _slot.ToOffset(TimeSpan.FromHours(-5))));
        Assert.False(await Ports.ReminderSchedule.HasDeliveryAsync(key, _slot.AddTicks(1)));
        Assert.False(await Ports.ReminderSchedule.HasDeliveryAsync(new(id, 999), _slot));
        Assert.Equal(
            read with { LastSlotSent = _slot, NextAt = _slot.AddDays(6), Attempts = 0, LastError = null },
            await Ports.ReminderSchedule.GetAsync(key));
    }

    [Fact]
    public async Task ListDeliveries_IsOldestSlotFirst_PerItem()
    {
        var (id, items) = await ScheduledAsync(2);
        var key = new ReminderKey(id, items[0]);
        var read = (await Ports.ReminderSchedule.GetAsync(key))!;
        foreach (var days in new[] { 3, 1, 2 })
        {
            await Ports.ReminderSchedule.RecordDeliveryAsync(new(key, _slot.AddDays(days), _slot, DeliveryChannel.Failed, Error: "403 Missing Access"), read, null);
        }

        Assert.Equal([_slot.AddDays(1), _slot.AddDays(2), _slot.AddDays(3)], (await Ports.ReminderSchedule.ListDeliveriesAsync(key)).Select(d => d.Slot));
        Assert.Equal("403 Missing Access", (await Ports.ReminderSchedule.ListDeliveriesAsync(key))[0].Error);
        Assert.Empty(await Ports.ReminderSchedule.ListDeliveriesAsync(new(id, items[1])));
    }

    [Fact]
    public async Task RecordDelivery_AfterASnoozeArrivedInFlight_KeepsTheSnoozesNextAt()
    {
        var (id, items) = await ScheduledAsync(1);
        var key = new ReminderKey(id, items[0]);
        var read = (await Ports.ReminderSchedule.GetAsync(key))!;
        Assert.True(await Ports.ReminderSchedule.SnoozeAsync(key, _slot.AddDays(3), _slot.AddDays(3).AddHours(1)));

        await Ports.ReminderSchedule.RecordDeliveryAsync(new(key, _slot, _slot, DeliveryChannel.Dm, "dm", "m"), read, _slot.AddDays(1));

        var row = (await Ports.ReminderSchedule.GetAsync(key))!;
        Assert.Equal((_slot, _slot.AddDays(3), _slot.AddDays(3).AddHours(1)), (row.LastSlotSent!.Value, row.SnoozedUntil!.Value, row.NextAt!.Value));
    }

    [Fact]
    public async Task WritesForARowThatWasRescheduled_ChangeNothingButTheLog()
    {
        var (id, items) = await ScheduledAsync(1);
        var key = new ReminderKey(id, items[0]);
        var read = (await Ports.ReminderSchedule.GetAsync(key))!;
        await Ports.ReminderSchedule.MarkDirtyAsync(key);
        await Ports.ReminderSchedule.SyncDirtyAsync(d => d.Existing! with { OwnerId = Ana.Id, NextAt = _slot.AddDays(4) });
        var rescheduled = (await Ports.ReminderSchedule.GetAsync(key))!;

        await Ports.ReminderSchedule.RecordDeliveryAsync(new(key, _slot, _slot, DeliveryChannel.Dm, "dm", "m"), read, _slot.AddDays(1));
        await Ports.ReminderSchedule.RecordRetryAsync(read, 3, _slot.AddMinutes(1), "late");
        await Ports.ReminderSchedule.SetNextAtAsync(read, null);
        await Ports.ReminderSchedule.SetNextAtAsync(read with { Due = new DateOnly(2030, 1, 1), OwnerId = Ana.Id }, null);

        Assert.Equal(rescheduled, await Ports.ReminderSchedule.GetAsync(key));
        Assert.Single(await Ports.ReminderSchedule.ListDeliveriesAsync(key));
        await Ports.ReminderSchedule.RecordDeliveryAsync(new(new(id, 999), _slot, _slot, DeliveryChannel.Dm, "dm", "m"), read with { Key = new(id, 999) }, null);
        Assert.Null(await Ports.ReminderSchedule.GetAsync(new(id, 999)));
    }

    [Fact]
    public async Task RecordRetry_AndSetNextAt_ChangeTheRowThatWasRead()
    {
        var (id, items) = await ScheduledAsync(1);
        var key = new ReminderKey(id, items[0]);
        var read = (await Ports.ReminderSchedule.GetAsync(key))!;

        await Ports.ReminderSchedule.RecordRetryAsync(read, 2, _slot.AddMinutes(16), "HttpRequestException: reset");
        Assert.Equal(read with { Attempts = 2, NextAt = _slot.AddMinutes(16), LastError = "HttpRequestException: reset" }, await Ports.ReminderSchedule.GetAsync(key));

        await Ports.ReminderSchedule.SetNextAtAsync(read, null);
        Assert.Null((await Ports.ReminderSchedule.GetAsync(key))!.NextAt);
        await Ports.ReminderSchedule.SetNextAtAsync(read, _slot.AddDays(2));
        Assert.Equal(_slot.AddDays(2), (await Ports.ReminderSchedule.GetAsync(key))!.NextAt);
    }

    [Fact]
    public async Task Snooze_SetsTheRow_AndIsFalseForAnItemWithoutOne()
    {
        var (id, items) = await ScheduledAsync(1);
        var key = new ReminderKey(id, items[0]);
        var until = _slot.AddDays(1).ToOffset(TimeSpan.FromHours(2));

        Assert.True(await Ports.ReminderSchedule.SnoozeAsync(key, until, null));
        Assert.False(await Ports.ReminderSchedule.SnoozeAsync(new(id, 999), until, null));
        Assert.False(await Ports.ReminderSchedule.SnoozeAsync(new(new PostmortemId(999), items[0]), until, null));

        var row = (await Ports.ReminderSchedule.GetAsync(key))!;
        Assert.Equal((until, null, TimeSpan.Zero), (row.SnoozedUntil!.Value, row.NextAt, row.SnoozedUntil!.Value.Offset));
        Assert.Null(await Ports.ReminderSchedule.GetAsync(new(id, 999)));
    }

    /// <summary>Drains the whole change queue and returns what it held; the schedule rows are removed unless <paramref name="keep"/>.</summary>
    protected async Task<IReadOnlyList<DirtyReminder>> DrainChangesAsync(bool keep = false)
    {
        var seen = new List<DirtyReminder>();
        while ((await Ports.ReminderSchedule.SyncDirtyAsync(d => { seen.Add(d); return keep ? d.Existing : null; }, batchSize: 100)).Count > 0)
        {
        }

        return seen;
    }

    /// <summary>A postmortem with <paramref name="count"/> owned, dated items, each with a schedule row (NextAt = slot + i days unless given).</summary>
    private async Task<(PostmortemId Id, IReadOnlyList<int> Items)> ScheduledAsync(int count, Func<int, DateTimeOffset?>? nextAt = null)
    {
        var id = await StartAsync();
        var items = new List<int>();
        for (var i = 0; i < count; i++)
        {
            items.Add(await AddItemAsync(id, Wesley, new DateOnly(2021, 6, 1)));
        }

        await Ports.ReminderSchedule.SyncDirtyAsync(d => Row(d.Key, nextAt is null ? _slot.AddDays(items.IndexOf(d.Key.ItemId)) : nextAt(items.IndexOf(d.Key.ItemId))));
        return (id, items);
    }

    private static ReminderScheduleRow Row(ReminderKey key, DateTimeOffset? nextAt, string guildId = "guild-1") =>
        new(key, guildId, Wesley.Id, new DateOnly(2021, 6, 1), Now.AddTicks(99).ToOffset(TimeSpan.FromHours(1)), nextAt);

    private static ReminderScheduleRow? FollowProjection(DirtyReminder dirty) =>
        dirty.Item is { Owner: { } owner, Due: { } due, Status: ActionItemStatus.Open } item
            ? new ReminderScheduleRow(dirty.Key, item.GuildId, owner.Id, due, item.UpdatedAt, _slot)
            : null;
}
