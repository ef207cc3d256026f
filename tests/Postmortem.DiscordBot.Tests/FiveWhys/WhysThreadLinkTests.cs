using Microsoft.Data.Sqlite;
using Postmortem.Core.Postmortems;
using Postmortem.Storage;
using Postmortem.Storage.ChatLinks;
using Postmortem.Storage.Database;
using Postmortem.Storage.Migrations;
using Postmortem.Storage.Postmortems;

namespace Postmortem.DiscordBot.Tests.FiveWhys;

/// <summary>The reverse lookup the whys thread relies on: which postmortem a thread was opened for.</summary>
public sealed class WhysThreadLinkTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("postmortem-whys-links-").FullName;
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(new SqliteConnectionFactory(new StorageOptions { DatabasePath = "test.db" }, _folder));
        await new SchemaMigrator(_database).MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FindPostmortem_ByKindAndChannel_FindsOnlyThatKindInThatChannel()
    {
        var repository = new SqlitePostmortemRepository(_database);
        var first = await repository.CreateAsync(Core.Postmortem.Start("g", "c", "Outage", new UserRef("1", "alice"), DateTimeOffset.UnixEpoch, "t"));
        var second = await repository.CreateAsync(Core.Postmortem.Start("g", "c", "Other", new UserRef("1", "alice"), DateTimeOffset.UnixEpoch, "t"));
        var links = new SqliteChatLinkStore(_database);
        await links.SetAsync(first, "whys-thread", new ChatLink("100", "101"));
        await links.SetAsync(second, "whys-thread", new ChatLink("200", "201"));
        await links.SetAsync(second, "dashboard", new ChatLink("100", "102"));

        Assert.Equal(first, await links.FindPostmortemAsync("whys-thread", "100"));
        Assert.Equal(second, await links.FindPostmortemAsync("whys-thread", "200"));
        Assert.Null(await links.FindPostmortemAsync("whys-thread", "101"));
        Assert.Null(await links.FindPostmortemAsync("forum-post", "100"));
    }
}
