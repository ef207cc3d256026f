using Postmortem.Core.Actions;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Rest;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Reminders.Tests.Support.People;

namespace Postmortem.Reminders.Tests.Scheduling;

public sealed class DeliveryTests : IDisposable
{
    private static DateTimeOffset Start { get; } = new(2026, 5, 4, 6, 0, 0, TimeSpan.Zero);
    private static DateOnly Due { get; } = new(2026, 5, 20);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public void Dispose() => _database.Dispose();

    private static DateTimeOffset At9(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    [Fact]
    public async Task ADueSlot_IsSentOnce_WithTheItemItsContextAndTheThread()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        await world.Sync.SyncAsync();
        _clock.SetUtcNow(At9(Due.AddDays(-7)));

        Assert.Equal([ReminderDelivery.Result.Sent], await world.RunDueAsync());
        Assert.Empty(await world.RunDueAsync());

        var message = Assert.Single(world.Sender.Reminders);
        Assert.Equal(Wesley, message.Owner);
        Assert.Equal("1a-i", message.Label);
        Assert.Equal("Survey response playbooks, especially of programming languages", message.Text);
        Assert.Equal("1a: Define a playbook for communicating with users after a user-impacting event", message.CorrectiveAction);
        Assert.StartsWith("1: We need to communicate more quickly", message.Lesson);
        Assert.Equal("Incremental compilation fingerprint bug", message.PostmortemTitle);
        Assert.Equal(People.ThreadId, message.DiscussionChannelId);
        Assert.Equal(ReminderSlotKind.BeforeDue, message.Slot.Kind);
        var delivery = Assert.Single(await world.Schedule.ListDeliveriesAsync(new ReminderKey(id, item)));
        Assert.Equal(At9(Due.AddDays(-7)), delivery.Slot);
        Assert.Equal(DeliveryChannel.Dm, delivery.Channel);
        Assert.Equal(At9(Due.AddDays(-1)), (await world.RowAsync(id, item))!.NextAt);
    }

    [Fact]
    public async Task RemindersMissedWhileTheBotWasDown_AreSentOnceAfterTheRestart_OnlyTheLatest()
    {
        (Core.Postmortems.PostmortemId Id, int Item) created;
        await using (var before = await ReminderWorld.StartAsync(_database.Path, _clock))
        {
            created = await before.CreateItemAsync(Wesley, Due);
            await before.Sync.SyncAsync();
        }

        // Down for three weeks: the 7-day, 1-day, due-day and first overdue slots all passed.
        _clock.SetUtcNow(At9(Due.AddDays(8)));
        var sender = new FakeReminderSender();
        await using (var after = await ReminderWorld.StartAsync(_database.Path, _clock, sender))
        {
            Assert.Equal([ReminderDelivery.Result.Sent], await after.RunDueAsync());
            Assert.Empty(await after.RunDueAsync());
        }

        var message = Assert.Single(sender.Reminders);
        Assert.Equal(At9(Due.AddDays(7)), message.Slot.At);
        // Sent on day 8: the text says how overdue the item is when it arrives, not when the slot was owed.
        Assert.Equal("overdue by 8 days", message.Slot.Describe());

        await using var again = await ReminderWorld.StartAsync(_database.Path, _clock);
        Assert.Empty(await again.RunDueAsync());
        Assert.Single(await again.Schedule.ListDeliveriesAsync(new ReminderKey(created.Id, created.Item)));
    }

    [Fact]
    public async Task ARestart_NeverRepeatsARecordedReminder()
    {
        await using (var first = await ReminderWorld.StartAsync(_database.Path, _clock))
        {
            await first.CreateItemAsync(Wesley, Due);
            _clock.SetUtcNow(At9(Due));
            Assert.Equal([ReminderDelivery.Result.Sent], await first.RunDueAsync());
        }

        for (var restart = 0; restart < 3; restart++)
        {
            await using var next = await ReminderWorld.StartAsync(_database.Path, _clock);
            Assert.Empty(await next.RunDueAsync());
            Assert.Empty(next.Sender.Reminders);
        }
    }

    [Fact]
    public async Task ACrashBetweenSendAndRecord_RepeatsOnlyThatOneReminder()
    {
        (Core.Postmortems.PostmortemId Id, int Item) delivered, crashed;
        using var crash = new CancellationTokenSource();
        var sender = new FakeReminderSender();
        await using (var world = await ReminderWorld.StartAsync(_database.Path, _clock, sender))
        {
            delivered = await world.CreateItemAsync(Wesley, Due);
            crashed = await world.CreateItemAsync(Ana, Due);
            _clock.SetUtcNow(At9(Due));
            // The process dies right after Discord accepted Ana's reminder, before it is recorded.
            sender.AfterSend = m =>
            {
                if (m.Owner == Ana)
                {
                    crash.Cancel();
                }
            };

            await world.Dispatcher.RunDueAsync(_clock.GetUtcNow());
            Assert.True(world.Queue.TryDequeue(out var first));
            Assert.Equal(ReminderDelivery.Result.Sent, await world.Delivery.DeliverAsync(first, crash.Token));
            Assert.True(world.Queue.TryDequeue(out var second));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Delivery.DeliverAsync(second, crash.Token));
        }

        var afterRestart = new FakeReminderSender();
        await using (var world = await ReminderWorld.StartAsync(_database.Path, _clock, afterRestart))
        {
            Assert.Equal([ReminderDelivery.Result.Sent], await world.RunDueAsync());
            Assert.Single(await world.Schedule.ListDeliveriesAsync(new ReminderKey(delivered.Id, delivered.Item)));
            Assert.Single(await world.Schedule.ListDeliveriesAsync(new ReminderKey(crashed.Id, crashed.Item)));
        }

        Assert.Equal([Wesley, Ana], sender.Reminders.Select(m => m.Owner));
        var repeated = Assert.Single(afterRestart.Reminders);
        Assert.Equal(Ana, repeated.Owner);
        Assert.Equal(sender.Reminders[1].Nonce, repeated.Nonce); // so Discord may even drop the repeat
    }

    [Fact]
    public async Task AFailedSend_IsRetriedLaterWithBackoff_ThenSentOnce()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        _clock.SetUtcNow(At9(Due));
        world.Sender.FailWith = new DiscordRestException("POST /channels/{channel_id}/messages failed after 4 attempts: HttpRequestException");
        await world.Sync.SyncAsync();
        world.Wakeup!.Reset();

        Assert.Equal([ReminderDelivery.Result.RetryLater], await world.RunDueAsync());
        var row = await world.RowAsync(id, item);
        Assert.Equal(1, row!.Attempts);
        Assert.Equal(At9(Due).AddMinutes(1), row.NextAt);
        Assert.Contains("HttpRequestException", row.LastError, StringComparison.Ordinal);
        Assert.Equal(At9(Due).AddMinutes(1), world.Wakeup!.Earliest);

        _clock.SetUtcNow(At9(Due).AddMinutes(1));
        Assert.Equal([ReminderDelivery.Result.RetryLater], await world.RunDueAsync());
        Assert.Equal(At9(Due).AddMinutes(5), (await world.RowAsync(id, item))!.NextAt); // 1, 4, 16... minutes

        world.Sender.FailWith = null;
        _clock.SetUtcNow(At9(Due).AddMinutes(5));
        Assert.Equal([ReminderDelivery.Result.Sent], await world.RunDueAsync());
        row = await world.RowAsync(id, item);
        Assert.Equal(0, row!.Attempts);
        Assert.Null(row.LastError);
        Assert.Equal(At9(Due.AddDays(7)), row.NextAt);
        Assert.Equal(At9(Due), Assert.Single(world.Sender.Reminders).Slot.At);
    }

    [Fact]
    public async Task ARefusal_IsRecordedAsFailed_AndNotRetried()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        _clock.SetUtcNow(At9(Due));
        world.Sender.RefuseWith = new Refused("POST /channels/{channel_id}/messages failed: 403 Forbidden (50013: Missing Permissions)");

        Assert.Equal([ReminderDelivery.Result.Refused], await world.RunDueAsync());
        Assert.Empty(await world.RunDueAsync());

        var delivery = Assert.Single(await world.Schedule.ListDeliveriesAsync(new ReminderKey(id, item)));
        Assert.Equal(DeliveryChannel.Failed, delivery.Channel);
        Assert.Contains("50013", delivery.Error, StringComparison.Ordinal);
        Assert.Equal(At9(Due.AddDays(7)), (await world.RowAsync(id, item))!.NextAt);
    }

    [Fact]
    public async Task AfterTheLastAttempt_TheSlotIsRecordedAsFailed_AndTheItemMovesOn()
    {
        await using var world = await ReminderWorld.StartAsync(
            _database.Path, _clock, configuration: new Dictionary<string, string?> { ["Reminders:MaxAttempts"] = "2" });
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        _clock.SetUtcNow(At9(Due));
        world.Sender.FailWith = new DiscordRestException("unreachable");

        Assert.Equal([ReminderDelivery.Result.RetryLater], await world.RunDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([ReminderDelivery.Result.Refused], await world.RunDueAsync());

        Assert.Equal(DeliveryChannel.Failed, Assert.Single(await world.Schedule.ListDeliveriesAsync(new ReminderKey(id, item))).Channel);
        Assert.Equal(At9(Due.AddDays(7)), (await world.RowAsync(id, item))!.NextAt);
    }

    [Fact]
    public async Task AnItemClosedWhileItsReminderWasQueued_IsNotReminded()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        _clock.SetUtcNow(At9(Due));
        Assert.Equal(1, (await world.Dispatcher.RunDueAsync(_clock.GetUtcNow())).Enqueued);

        await world.ExecuteAsync(id, new CompleteActionItem(item), Wesley);

        Assert.Equal([ReminderDelivery.Result.Stale], await world.DrainAsync());
        Assert.Empty(world.Sender.Reminders);
        await world.Sync.SyncAsync();
        Assert.Null(await world.RowAsync(id, item));
    }

    [Fact]
    public async Task AScanBeforeTheWorkersCaughtUp_DoesNotQueueAnItemTwice()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        await world.CreateItemAsync(Wesley, Due);
        await world.CreateItemAsync(Ana, Due);
        _clock.SetUtcNow(At9(Due));

        var first = await world.Dispatcher.RunDueAsync(_clock.GetUtcNow());
        var second = await world.Dispatcher.RunDueAsync(_clock.GetUtcNow());

        Assert.Equal(2, first.Enqueued);
        Assert.Equal(0, second.Enqueued);
        Assert.Null(first.NextAt); // both rows stay due until their deliveries are recorded
        world.Wakeup!.Reset();
        Assert.Equal(2, (await world.DrainAsync()).Count);
        Assert.Equal(2, world.Sender.Reminders.Count);
        Assert.Equal(At9(Due.AddDays(7)), world.Wakeup.Earliest); // the deliveries plan the next scan
    }

    [Fact]
    public async Task ThePageSize_DoesNotLimitHowManyDueRemindersAScanQueues()
    {
        await using var world = await ReminderWorld.StartAsync(
            _database.Path, _clock, configuration: new Dictionary<string, string?> { ["Reminders:PageSize"] = "2" });
        for (var i = 0; i < 5; i++)
        {
            await world.CreateItemAsync(Wesley, Due);
        }

        _clock.SetUtcNow(At9(Due));

        Assert.Equal(5, (await world.Dispatcher.RunDueAsync(_clock.GetUtcNow())).Enqueued);
        Assert.Equal(5, (await world.DrainAsync()).Count(r => r == ReminderDelivery.Result.Sent));
    }
}
