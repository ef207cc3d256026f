using System.Globalization;
using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Storage.Tests.Support.People;

namespace Postmortem.Storage.Tests.ActionItems;

public sealed class ActionItemProjectionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Now);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<ActionItemView>> ItemsOfAsync(string guildId, UserRef owner) =>
        _db.ActionItems.ListByOwnerAsync(guildId, owner.Id, includeClosed: true);

    [Fact]
    public async Task Projection_HoldsTheVisibleItemsWithTheirCurrentValues()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);

        var wesley = Assert.Single(await ItemsOfAsync("guild-1", Wesley));
        var ana = Assert.Single(await ItemsOfAsync("guild-1", Ana));
        var felix = Assert.Single(await ItemsOfAsync("guild-1", Felix));

        Assert.Equal(
            new ActionItemView(rich.Id, rich.OpenItemId, "guild-1", "1a-i", "Contact two CI providers.", Wesley,
                new DateOnly(2021, 6, 1), ActionItemStatus.Open, wesley.UpdatedAt),
            wesley);
        Assert.Equal(("2a-i", ActionItemStatus.Done), (ana.Label, ana.Status));
        Assert.Equal(("2a-ii", ActionItemStatus.Dropped), (felix.Label, felix.Status));
        await using var raw = _db.OpenRaw();
        Assert.Equal(4L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM action_items"));
    }

    // 64: saves write only the rows that differ from the cached previous version; 0: every save rewrites them all.
    [Theory]
    [InlineData(64)]
    [InlineData(0)]
    public async Task Projection_FollowsOwnerDueAndStatusChanges(int cachedPostmortems)
    {
        _db.Dispose();
        _db = await TestDatabase.CreateAsync(new StorageOptions { DatabasePath = "postmortems.db", CachedPostmortems = cachedPostmortems });
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);
        var before = Assert.Single(await ItemsOfAsync("guild-1", Wesley));

        await rich.DoAsync(new EditActionItem(rich.OpenItemId, "Contact three CI providers.", Ana, new DateOnly(2021, 6, 20)));

        Assert.Empty(await ItemsOfAsync("guild-1", Wesley));
        var edited = Assert.Single(await ItemsOfAsync("guild-1", Ana), i => i.ItemId == rich.OpenItemId);
        Assert.Equal(("Contact three CI providers.", new DateOnly(2021, 6, 20)), (edited.Text, edited.Due));
        Assert.Equal(rich.Latest.UpdatedAt, edited.UpdatedAt);
        Assert.True(edited.UpdatedAt > before.UpdatedAt);

        await rich.DoAsync(new CompleteActionItem(rich.OpenItemId), Ana);
        Assert.Equal(ActionItemStatus.Done, (await ItemsOfAsync("guild-1", Ana)).Single(i => i.ItemId == rich.OpenItemId).Status);

        await rich.DoAsync(new ReopenActionItem(rich.OpenItemId), Ana);
        Assert.Equal(ActionItemStatus.Open, (await ItemsOfAsync("guild-1", Ana)).Single(i => i.ItemId == rich.OpenItemId).Status);

        await rich.DoAsync(new EditActionItem(rich.OpenItemId, "Contact three CI providers.", null, null));
        Assert.DoesNotContain(await ItemsOfAsync("guild-1", Ana), i => i.ItemId == rich.OpenItemId);
        Assert.Empty((await _db.ActionItems.ListOpenWithDueAsync()).Items);
    }

    [Fact]
    public async Task Projection_LeavesUnchangedItemsAlone()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);
        var ana = Assert.Single(await ItemsOfAsync("guild-1", Ana));

        await rich.DoAsync(new EditActionItem(rich.OpenItemId, "Contact three CI providers.", Wesley, new DateOnly(2021, 6, 1)));

        Assert.Equal(ana, Assert.Single(await ItemsOfAsync("guild-1", Ana)));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(0)]
    public async Task Projection_DropsRetractedItemsAndItemsUnderRetractedParents(int cachedPostmortems)
    {
        _db.Dispose();
        _db = await TestDatabase.CreateAsync(new StorageOptions { DatabasePath = "postmortems.db", CachedPostmortems = cachedPostmortems });
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);

        await rich.DoAsync(new RetractActionItem(rich.OpenItemId));
        Assert.Empty(await ItemsOfAsync("guild-1", Wesley));

        var lesson2 = rich.Latest.Lessons[1].Id;
        await rich.DoAsync(new RetractLesson(lesson2));
        Assert.Empty(await ItemsOfAsync("guild-1", Ana));
        Assert.Empty(await ItemsOfAsync("guild-1", Felix));

        await using var raw = _db.OpenRaw();
        Assert.Equal(1L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM action_items"));
    }

    [Fact]
    public async Task Projection_StaysRight_WhenTwoProcessesTakeTurnsWriting()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);
        using var otherProcess = _db.Reopen();
        var other = new RichPostmortem(otherProcess.Service(_clock), _clock, rich.Id);

        await other.DoAsync(new EditActionItem(rich.OpenItemId, "Contact CI providers.", Ana, new DateOnly(2021, 6, 5)));
        await rich.DoAsync(new AddActionItem(rich.Latest.CorrectiveActions[0].Id, "Follow up.", Wesley, new DateOnly(2021, 6, 6)));
        await other.DoAsync(new RetractActionItem(rich.UnownedItemId));
        await rich.DoAsync(new DropActionItem(rich.OpenItemId, "Done differently."), Ana);

        var expected = ActionItemProjection.RowsOf((await _db.Repository.GetAsync(rich.Id))!);
        await using var raw = _db.OpenRaw();
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT item_id, owner_id, due, status FROM action_items ORDER BY item_id";
        var stored = new List<(int Id, string? Owner, string? Due, string Status)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
            }
        }

        Assert.Equal(
            expected.OrderBy(r => r.ItemId).Select(r => (r.ItemId, r.OwnerId, r.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Status.ToString())),
            stored);
        Assert.Equal(4, stored.Count);
        Assert.Contains((rich.OpenItemId, Ana.Id, "2021-06-05", "Dropped"), stored);
    }

    [Fact]
    public async Task ListByOwner_HidesClosedItemsUnlessAsked_AndIsScopedToTheGuild()
    {
        await RichPostmortem.BuildAsync(_db.Service(_clock), _clock, "guild-1");
        await RichPostmortem.BuildAsync(_db.Service(_clock), _clock, "guild-2");

        Assert.Empty(await _db.ActionItems.ListByOwnerAsync("guild-1", Ana.Id));
        Assert.Single(await _db.ActionItems.ListByOwnerAsync("guild-1", Ana.Id, includeClosed: true));
        Assert.All(await _db.ActionItems.ListByOwnerAsync("guild-2", Wesley.Id), i => Assert.Equal("guild-2", i.GuildId));
        Assert.Single(await _db.ActionItems.ListByOwnerAsync("guild-2", Wesley.Id));
        Assert.Empty(await _db.ActionItems.ListByOwnerAsync("guild-3", Wesley.Id));
    }

    [Fact]
    public async Task ListOverdue_ReturnsOpenItemsDueBeforeToday_InThatGuildOnly()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock, "guild-1");
        await RichPostmortem.BuildAsync(_db.Service(_clock), _clock, "guild-2");

        Assert.Empty(await _db.ActionItems.ListOverdueAsync("guild-1", new DateOnly(2021, 6, 1)));
        var overdue = Assert.Single(await _db.ActionItems.ListOverdueAsync("guild-1", new DateOnly(2021, 6, 2)));
        Assert.Equal((rich.Id, rich.OpenItemId), (overdue.PostmortemId, overdue.ItemId));
        // The done (due 1 July) and dropped (due 15 June) items are never overdue.
        Assert.Single(await _db.ActionItems.ListOverdueAsync("guild-1", new DateOnly(2022, 1, 1)));
        Assert.Empty(await _db.ActionItems.ListOverdueAsync("guild-3", new DateOnly(2022, 1, 1)));
    }

    [Fact]
    public async Task ListOpenWithDue_PagesThroughEveryGuildInDueOrder()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock, "guild-1");
        for (var day = 1; day <= 4; day++)
        {
            var action = rich.Latest.CorrectiveActions[0].Id;
            await rich.DoAsync(new AddActionItem(action, $"Follow-up {day}", Ana, new DateOnly(2021, 5, 20 + day)));
        }

        var other = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock, "guild-2");

        var seen = new List<ActionItemView>();
        var pages = 0;
        ActionItemCursor? cursor = null;
        do
        {
            var page = await _db.ActionItems.ListOpenWithDueAsync(cursor, pageSize: 2);
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
    }

    [Theory]
    [InlineData(nameof(SqliteActionItemQueries.OpenWithDueFirstPageSql), "ix_action_items_open_due")]
    [InlineData(nameof(SqliteActionItemQueries.OpenWithDueNextPageSql), "ix_action_items_open_due")]
    [InlineData(nameof(SqliteActionItemQueries.ByOwnerSql), "ix_action_items_owner")]
    [InlineData(nameof(SqliteActionItemQueries.OverdueSql), "ix_action_items_overdue")]
    public async Task Queries_AreServedByTheirIndex(string query, string index)
    {
        var sql = (string)typeof(SqliteActionItemQueries)
            .GetField(query, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .GetValue(null)!;
        await using var raw = _db.OpenRaw();
        await using var command = raw.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$limit", "$due", "$postmortem_id", "$item_id", "$guild_id", "$owner_id", "$include_closed", "$today" })
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN action_items", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }
}
