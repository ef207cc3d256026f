using Microsoft.Data.Sqlite;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Storage;
using Postmortem.Storage.ChatLinks;
using Postmortem.Storage.Database;
using Postmortem.Storage.GuildSettings;
using Postmortem.Storage.Migrations;

namespace Postmortem.DiscordBot.Tests.Settings;

public sealed class GuildSettingsStoreTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("postmortem-guild-settings-").FullName;
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
    public async Task AGuildThatSavedNothing_GetsTheDefaults()
    {
        var store = new SqliteGuildSettingsStore(_database);

        Assert.Equal(GuildSettings.Default, await store.GetAsync("123"));
    }

    [Fact]
    public async Task AGuildThatSavedNothing_GetsTheConfiguredDefaultZone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var store = new SqliteGuildSettingsStore(_database, defaults: new GuildDefaults(tokyo));

        Assert.Equal(GuildSettings.Default with { TimeZone = tokyo }, await store.GetAsync("123"));
    }

    [Fact]
    public async Task SavedSettings_ComeBackAsTheyWere_PerGuild()
    {
        var store = new SqliteGuildSettingsStore(_database);
        var settings = new GuildSettings
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            StarterRoleId = "11",
            ReminderChannelId = "22",
            ForumChannelId = "33",
            TemplateId = "rust-compiler-2021",
        };

        await store.SaveAsync("123", settings);
        await store.SaveAsync("123", settings with { StarterRoleId = null });

        Assert.Equal(settings with { StarterRoleId = null }, await store.GetAsync("123"));
        Assert.Equal(GuildSettings.Default, await store.GetAsync("456"));
    }

    [Fact]
    public async Task ChatLinks_AreOnePerKind_AndReplaced()
    {
        var repository = new Storage.Postmortems.SqlitePostmortemRepository(_database);
        var id = await repository.CreateAsync(Core.Postmortem.Start("g", "c", "Outage", new UserRef("1", "alice"), DateTimeOffset.UnixEpoch, "t"));
        var links = new SqliteChatLinkStore(_database);

        await links.SetAsync(id, "dashboard", new ChatLink("10", "20"));
        await links.SetAsync(id, "dashboard", new ChatLink("10", "21"));
        await links.SetAsync(id, "forum-post", new ChatLink("30", "40"));

        Assert.Equal(new ChatLink("10", "21"), await links.GetAsync(id, "dashboard"));
        Assert.Equal(new ChatLink("30", "40"), await links.GetAsync(id, "forum-post"));
        Assert.Null(await links.GetAsync(new PostmortemId(id.Value + 1), "dashboard"));
    }
}
