using Postmortem.Core.Actions;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Contract.Support;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Tests.ActionItems;

/// <summary>How SQLite keeps the projection (its behaviour through the ports is the storage contract).</summary>
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

    [Fact]
    public async Task RetractedItemsAndItemsUnderRetractedParents_AreDeletedFromTheTable()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);
        await using var raw = _db.OpenRaw();
        Assert.Equal(4L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM action_items"));

        await rich.DoAsync(new RetractActionItem(rich.OpenItemId));
        await rich.DoAsync(new RetractLesson(rich.Latest.Lessons[1].Id));

        Assert.Equal(1L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM action_items"));
    }

    [Theory]
    [InlineData(nameof(SqliteActionItemQueries.OpenWithDueFirstPageSql), "ix_action_items_open_due")]
    [InlineData(nameof(SqliteActionItemQueries.OpenWithDueNextPageSql), "ix_action_items_open_due")]
    [InlineData(nameof(SqliteActionItemQueries.OpenItemsSql), "ix_action_items_")]
    public async Task Queries_AreServedByAnIndex(string query, string index)
    {
        var sql = (string)typeof(SqliteActionItemQueries)
            .GetField(query, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .GetValue(null)!;
        await using var raw = _db.OpenRaw();
        await using var command = raw.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$limit", "$due", "$postmortem_id", "$item_id", "$guild_id", "$owner_id", "$due_before" })
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
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN a", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }
}
