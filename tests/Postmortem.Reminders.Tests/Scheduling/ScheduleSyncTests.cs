using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Tests.Support;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Postmortems;
using Postmortem.Testing;
using static Postmortem.Reminders.Tests.Support.People;

namespace Postmortem.Reminders.Tests.Scheduling;

public sealed class ScheduleSyncTests : IDisposable
{
    // A Monday, early in the morning UTC.
    private static DateTimeOffset Start { get; } = new(2026, 5, 4, 6, 0, 0, TimeSpan.Zero);
    private static DateOnly Due { get; } = new(2026, 5, 20);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public void Dispose() => _database.Dispose();

    private static DateTimeOffset At9(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    [Fact]
    public async Task NewItem_WithOwnerAndDueDate_IsScheduledForItsFirstSlot()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);

        Assert.Equal(1, await world.Sync.SyncAsync());

        var row = await world.RowAsync(id, item);
        Assert.NotNull(row);
        Assert.Equal(Wesley.Id, row.OwnerId);
        Assert.Equal(GuildId, row.GuildId);
        Assert.Equal(At9(Due.AddDays(-7)), row.NextAt);
        Assert.Equal(Start, row.Since);
        Assert.Equal(row.NextAt, world.Wakeup!.Earliest);
    }

    [Fact]
    public async Task Items_WithoutOwnerOrDueDate_AreNotScheduled()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (first, firstItem) = await world.CreateItemAsync(null, Due);
        var (second, secondItem) = await world.CreateItemAsync(Wesley, null);

        await world.Sync.SyncAsync();

        Assert.Null(await world.RowAsync(first, firstItem));
        Assert.Null(await world.RowAsync(second, secondItem));
        Assert.Equal(0, await world.Schedule.CountAsync());
    }

    [Fact]
    public async Task EditingTheDueDate_ReschedulesFromTheTimeOfTheEdit()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        await world.Sync.SyncAsync();
        _clock.Advance(TimeSpan.FromDays(1));

        var later = new DateOnly(2026, 6, 30);
        await world.ExecuteAsync(id, new EditActionItem(item, "Survey response playbooks", Wesley, later), Felix);
        await world.Sync.SyncAsync();

        var row = await world.RowAsync(id, item);
        Assert.Equal(later, row!.Due);
        Assert.Equal(At9(later.AddDays(-7)), row.NextAt);
        Assert.Equal(Start.AddDays(1), row.Since);
    }

    [Fact]
    public async Task ChangingTheOwner_ReschedulesForTheNewOwner_AndSlotsBeforeTheChangeAreNotOwed()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        _clock.SetUtcNow(At9(Due.AddDays(-7)));
        await world.RunDueAsync();
        Assert.Equal(Wesley, Assert.Single(world.Sender.Reminders).Owner);

        _clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(1)); // past the 1-day-before slot, which was not sent
        await world.ExecuteAsync(id, new EditActionItem(item, "Survey response playbooks", Ana, Due), Felix);
        await world.RunDueAsync();

        Assert.Single(world.Sender.Reminders); // nothing due for Ana yet: the missed slot was Wesley's
        var row = await world.RowAsync(id, item);
        Assert.Equal(Ana.Id, row!.OwnerId);
        Assert.Equal(At9(Due), row.NextAt);

        _clock.SetUtcNow(At9(Due));
        await world.RunDueAsync();
        Assert.Equal(Ana, world.Sender.Reminders[^1].Owner);
    }

    [Fact]
    public async Task EditingOnlyTheText_KeepsTheSchedule()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        await world.Sync.SyncAsync();
        var before = await world.RowAsync(id, item);
        _clock.Advance(TimeSpan.FromHours(2));

        await world.ExecuteAsync(id, new EditActionItem(item, "Survey playbooks of five programming languages", Wesley, Due), Felix);
        await world.Sync.SyncAsync();

        Assert.Equal(before, await world.RowAsync(id, item));
    }

    [Theory]
    [InlineData("done")]
    [InlineData("dropped")]
    [InlineData("retracted")]
    public async Task ClosedItems_AreUnscheduled_AndGetNoMoreReminders(string how)
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        await world.Sync.SyncAsync();

        Core.Commands.PostmortemCommand close = how switch
        {
            "done" => new CompleteActionItem(item, "https://github.com/rust-lang/rust/pull/84910"),
            "dropped" => new DropActionItem(item, "Superseded by the release team's communication plan"),
            _ => new RetractActionItem(item),
        };
        await world.ExecuteAsync(id, close, Wesley);
        _clock.SetUtcNow(At9(Due.AddDays(30)));
        await world.RunDueAsync();

        Assert.Null(await world.RowAsync(id, item));
        Assert.Empty(world.Sender.Reminders);
    }

    [Fact]
    public async Task ReopeningAnItem_SchedulesItAgain()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        await world.ExecuteAsync(id, new CompleteActionItem(item), Wesley);
        await world.Sync.SyncAsync();
        Assert.Null(await world.RowAsync(id, item));

        await world.ExecuteAsync(id, new ReopenActionItem(item), Wesley);
        await world.Sync.SyncAsync();

        Assert.Equal(At9(Due.AddDays(-7)), (await world.RowAsync(id, item))!.NextAt);
    }

    [Fact]
    public async Task ChangingTheReminderTimeOrTheGuildTimeZone_RecomputesItsItems()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        await world.Sync.SyncAsync();

        var configuration = (Quartz.ReminderConfiguration)world.Services.GetService(typeof(Quartz.ReminderConfiguration))!;
        Assert.Null(await configuration.SaveRulesAsync(GuildId, ReminderSettings.Default with { LocalTime = new TimeOnly(10, 0) }));
        Assert.Equal(new DateTimeOffset(2026, 5, 13, 10, 0, 0, TimeSpan.Zero), (await world.RowAsync(id, item))!.NextAt);

        await world.ConfigureGuildAsync(GuildId, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        // 10:00 in Berlin in May is 08:00Z.
        Assert.Equal(new DateTimeOffset(2026, 5, 13, 8, 0, 0, TimeSpan.Zero), (await world.RowAsync(id, item))!.NextAt);
    }

    [Fact]
    public async Task ItemsSavedWhileTheRemindersWereNotRunning_AreScheduledFromTheChangeQueue()
    {
        PostmortemId id;
        int item;
        using (var database = new LiteDbDatabase(_database.Path))
        {
            var service = new PostmortemService(new LiteDbPostmortemRepository(database), _clock);
            var started = await service.StartAsync(GuildId, ChannelId, "Old incident", Felix);
            id = started.Postmortem!.Id;
            var lesson = (await service.ExecuteAsync(id, new AddLesson("A lesson", []), Felix)).Result.CreatedId!.Value;
            var action = (await service.ExecuteAsync(id, new AddCorrectiveAction(lesson, "An action"), Felix)).Result.CreatedId!.Value;
            item = (await service.ExecuteAsync(id, new AddActionItem(action, "An item", Wesley, Due), Felix)).Result.CreatedId!.Value;
        }

        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        await world.Sync.SyncAsync();

        Assert.Equal(At9(Due.AddDays(-7)), (await world.RowAsync(id, item))!.NextAt);
    }
}
