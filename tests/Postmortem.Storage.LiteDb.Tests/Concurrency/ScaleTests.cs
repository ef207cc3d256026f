using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Tests.Support;

namespace Postmortem.Storage.LiteDb.Tests.Concurrency;

/// <summary>
/// LiteDB far beyond the ~2,550 documents at which its rebuild breaks on collections with a secondary index
/// (LiteDB #2827; this adapter never rebuilds): 10,000 postmortems with 100,000 action items, reopened and queried
/// through the ports. On an in-memory disk (fsync costs nothing), because the subject is LiteDB's indexes, not the disk.
/// </summary>
public sealed class ScaleTests
{
    private const int Guilds = 100;
    private const int Postmortems = 10_000;
    private const int ItemsEach = 10;
    private static readonly UserRef _owner = new("100000000000000002", "Wesley");
    private static readonly DateOnly _today = new(2021, 5, 10);

    [Fact]
    public async Task TenThousandPostmortemsWithAHundredThousandItems_OpenAndAnswerEveryQuery()
    {
        var data = new MemoryDiskFile("data");
        var log = new MemoryDiskFile("log");
        var now = new DateTimeOffset(2021, 5, 10, 9, 0, 0, TimeSpan.Zero);
        using (var database = new LiteDbDatabase("memory", () => data, () => log))
        {
            var repository = TestLiteDb.PortsOver(database).Postmortems;
            await Task.WhenAll(Enumerable.Range(0, Postmortems).Select(n => repository.CreateAsync(Draft(n, now.AddSeconds(n)))));
        }

        using var reopened = new LiteDbDatabase("memory", () => data, () => log);
        var ports = TestLiteDb.PortsOver(reopened);

        var seen = 0;
        ActionItemCursor? cursor = null;
        ActionItemView? previous = null;
        do
        {
            var page = await ports.ActionItems.ListOpenWithDueAsync(cursor, StorageLimits.MaxActionItemPage);
            foreach (var item in page.Items)
            {
                Assert.True(previous is null || (previous.Due, previous.PostmortemId.Value, previous.ItemId).CompareTo((item.Due, item.PostmortemId.Value, item.ItemId)) < 0);
                previous = item;
            }

            seen += page.Items.Count;
            cursor = page.Next;
        }
        while (cursor is not null);
        Assert.Equal(Postmortems * ItemsEach, seen);

        var guild = await ports.ActionItems.ListOpenAsync("guild-7", limit: 100_000);
        Assert.Equal(Postmortems / Guilds * ItemsEach, guild.Count);
        Assert.All(guild, i => Assert.Equal("guild-7", i.Item.GuildId));
        var overdue = await ports.ActionItems.ListOpenAsync("guild-7", dueBefore: _today.AddDays(3), limit: 100_000);
        Assert.Equal(guild.Count(i => i.Item.Due < _today.AddDays(3)), overdue.Count);

        var list = await ports.Postmortems.ListAsync("guild-7", search: "incident 4207", limit: 100);
        Assert.Equal("Incident 4207", Assert.Single(list).Title);
        // Draft n was created n-th (id n + 1) and last changed n seconds after the first.
        var newest = await ports.Postmortems.ListAsync("guild-7", limit: 5);
        Assert.Equal([9908L, 9808, 9708, 9608, 9508], newest.Select(s => s.Id.Value));
        Assert.Equal(new PostmortemId(5000 + 1), (await ports.Postmortems.FindByThreadAsync("thread-5000"))!.Id);
        Assert.Equal(Postmortems * ItemsEach, await ports.ReminderSchedule.CountDirtyAsync());
    }

    private static Core.Postmortem Draft(int n, DateTimeOffset now)
    {
        var draft = Core.Postmortem.Start($"guild-{n % Guilds}", "channel-1", $"Incident {n}", _owner, now, "rust-compiler-2021");
        draft.Apply(new AttachThread($"thread-{n}"), _owner, now);
        var lesson = draft.Apply(new AddLesson("Talk to users sooner.", []), _owner, now).CreatedId!.Value;
        var action = draft.Apply(new AddCorrectiveAction(lesson, "Write a playbook."), _owner, now).CreatedId!.Value;
        for (var i = 0; i < ItemsEach; i++)
        {
            draft.Apply(new AddActionItem(action, $"Item {i}", _owner, _today.AddDays((n + i) % 30)), _owner, now);
        }

        return draft;
    }
}
