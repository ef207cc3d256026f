using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Reminders.Tests.Support.People;

namespace Postmortem.Reminders.Tests.Hosting;

/// <summary>Real restarts: a new host (service provider, Quartz scheduler, workers) on the same LiteDB file, a fake clock.</summary>
public sealed class RestartTests : IDisposable
{
    private static TimeSpan Bound { get; } = TimeSpan.FromSeconds(10); // only matters when a test fails
    private static DateTimeOffset Start { get; } = new(2026, 5, 4, 6, 0, 0, TimeSpan.Zero);
    private static DateOnly Due { get; } = new(2026, 5, 20);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public void Dispose() => _database.Dispose();

    private static DateTimeOffset At9(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static async Task<(PostmortemId Id, int Item)> CreateItemAsync(IServiceProvider services, UserRef owner, DateOnly due)
    {
        var service = services.GetRequiredService<PostmortemService>();
        var id = (await service.StartAsync(GuildId, ChannelId, "Incremental compilation fingerprint bug", Felix)).Postmortem!.Id;
        await service.ExecuteAsync(id, new AttachThread(ThreadId), Felix);
        var lesson = (await service.ExecuteAsync(id, new AddLesson("Communicate sooner", []), Felix)).Result.CreatedId!.Value;
        var action = (await service.ExecuteAsync(id, new AddCorrectiveAction(lesson, "A playbook"), Felix)).Result.CreatedId!.Value;
        var item = (await service.ExecuteAsync(id, new AddActionItem(action, "Survey playbooks", owner, due), Felix)).Result.CreatedId!.Value;
        return (id, item);
    }

    [Fact]
    public async Task TheDueScan_IsPlannedAtTheEarliestNextAt_AndMovesOnlyEarlier()
    {
        var sender = new FakeReminderSender();
        await using var host = await ReminderHost.StartAsync(_database.Path, _clock, sender);
        Assert.Null(await host.Trigger.PlannedAtAsync());

        await CreateItemAsync(host.Services, Wesley, Due);
        await host.Services.GetRequiredService<ReminderScheduleSync>().SyncAsync();
        Assert.Equal(At9(Due.AddDays(-7)), await host.Trigger.PlannedAtAsync());

        await CreateItemAsync(host.Services, Ana, Due.AddDays(30));
        await host.Services.GetRequiredService<ReminderScheduleSync>().SyncAsync();
        Assert.Equal(At9(Due.AddDays(-7)), await host.Trigger.PlannedAtAsync());

        await CreateItemAsync(host.Services, Ana, Due.AddDays(-5));
        await host.Services.GetRequiredService<ReminderScheduleSync>().SyncAsync();
        Assert.Equal(At9(Due.AddDays(-12)), await host.Trigger.PlannedAtAsync());
        Assert.Empty(sender.Reminders);
    }

    [Fact]
    public async Task AReminderMissedWhileDown_GoesOutOnceAfterStartup_AndNeverAgainAfterMoreRestarts()
    {
        (PostmortemId Id, int Item) created;
        await using (var first = await ReminderHost.StartAsync(_database.Path, _clock, new FakeReminderSender()))
        {
            created = await CreateItemAsync(first.Services, Wesley, Due);
        }

        _clock.SetUtcNow(At9(Due.AddDays(8))); // down through four slots
        var sender = new FakeReminderSender();
        var sent = sender.NextReminder.Task;
        await using (var second = await ReminderHost.StartAsync(_database.Path, _clock, sender))
        {
            var message = await sent.WaitAsync(Bound);
            Assert.Equal(At9(Due.AddDays(7)), message.Slot.At);
            await second.Wakeup.WaitForAsync(At9(Due.AddDays(14)), Bound); // the delivery was recorded
        }

        Assert.Single(sender.Reminders);
        var third = new FakeReminderSender();
        await using (var host = await ReminderHost.StartAsync(_database.Path, _clock, third))
        {
            Assert.Equal(At9(Due.AddDays(14)), await host.Trigger.PlannedAtAsync());
            var store = host.Services.GetRequiredService<IReminderScheduleStore>();
            Assert.Single(await store.ListDeliveriesAsync(new ReminderKey(created.Id, created.Item)));
        }

        Assert.Empty(third.Reminders);
    }

    [Fact]
    public async Task WhenTheClockReachesTheSlot_QuartzFiresTheScan_AndTheWorkersDeliver()
    {
        var sender = new FakeReminderSender();
        await using var host = await ReminderHost.StartAsync(_database.Path, _clock, sender);
        await CreateItemAsync(host.Services, Wesley, Due);
        await host.Services.GetRequiredService<ReminderScheduleSync>().SyncAsync();
        var sent = sender.NextReminder.Task;

        _clock.SetUtcNow(At9(Due.AddDays(-7)));

        Assert.Equal(At9(Due.AddDays(-7)), (await sent.WaitAsync(Bound)).Slot.At);
        await host.Wakeup.WaitForAsync(At9(Due.AddDays(-1)), Bound);
        Assert.Single(sender.Reminders);
    }

    [Fact]
    public async Task AWeeklyDigestMissedWhileDown_IsPostedOnceAfterStartup()
    {
        await using (var first = await ReminderHost.StartAsync(_database.Path, _clock, new FakeReminderSender()))
        {
            await CreateItemAsync(first.Services, Wesley, Due);
            await first.Services.GetRequiredService<IGuildSettingsStore>()
                .SaveAsync(GuildId, new GuildSettings { ReminderChannelId = "940000000000000001" });
            await first.Services.GetRequiredService<ReminderConfiguration>().GuildSettingsChangedAsync(GuildId);
        }

        // Down over Monday 25 May 09:00, when the item was overdue.
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 26, 12, 0, 0, TimeSpan.Zero));
        var sender = new FakeReminderSender();
        await using (var second = await ReminderHost.StartAsync(_database.Path, _clock, sender))
        {
            var digest = await sender.WaitForPostAsync(p => p.Content.Contains("digest", StringComparison.Ordinal), Bound);
            Assert.Contains("1 overdue", digest.Content, StringComparison.Ordinal);
        }

        Assert.Single(sender.Posts, p => p.Content.Contains("digest", StringComparison.Ordinal));
        var third = new FakeReminderSender();
        await using (var host = await ReminderHost.StartAsync(_database.Path, _clock, third))
        {
            var runs = host.Services.GetRequiredService<IScheduledRunStore>();
            Assert.True(await runs.HasRunAsync(ReminderJobKeys.DigestRunKey(GuildId), At9(new DateOnly(2026, 5, 25))));
        }

        Assert.DoesNotContain(third.Posts, p => p.Content.Contains("digest", StringComparison.Ordinal));
    }
}
