using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Chat;
using Postmortem.Core.Guilds;
using Postmortem.Core.Reminders;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Chat;
using Postmortem.Storage.Database;
using Postmortem.Storage.GuildSettings;
using Postmortem.Storage.Migrations;
using Postmortem.Storage.Postmortems;
using Postmortem.Storage.Reminders;
using Postmortem.Storage.Tests.Support;

namespace Postmortem.Storage.Tests;

public sealed class SqliteStorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _contentRoot = TestDatabase.NewFolder();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private IHost BuildHost(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSqliteStorage(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Host_MigratesTheConfiguredFileUnderTheContentRootWhileStarting()
    {
        using var host = BuildHost(("Storage:DatabasePath", "data/bot.db"));

        await host.StartAsync();
        var versions = await host.Services.GetRequiredService<SchemaMigrator>().AppliedVersionsAsync();
        await host.StopAsync();

        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "bot.db")));
        Assert.Equal(Migration.Embedded.Select(m => m.Version), versions);
    }

    [Fact]
    public void EveryPort_IsServedBySqlite()
    {
        using var host = BuildHost(("Storage:DatabasePath", "data/bot.db"));

        Assert.IsType<SqlitePostmortemRepository>(host.Services.GetRequiredService<IPostmortemRepository>());
        Assert.IsType<SqliteActionItemQueries>(host.Services.GetRequiredService<IActionItemQueries>());
        Assert.IsType<SqliteReminderScheduleStore>(host.Services.GetRequiredService<IReminderScheduleStore>());
        Assert.IsType<SqliteReminderSettingsStore>(host.Services.GetRequiredService<IReminderSettingsStore>());
        Assert.IsType<SqliteScheduledRunStore>(host.Services.GetRequiredService<IScheduledRunStore>());
        Assert.IsType<SqliteReviewMeetingStore>(host.Services.GetRequiredService<IReviewMeetingStore>());
        Assert.IsType<SqliteStaleNudgeStore>(host.Services.GetRequiredService<IStaleNudgeStore>());
        Assert.IsType<SqliteDmChannelStore>(host.Services.GetRequiredService<IDmChannelStore>());
        Assert.IsType<SqliteChatLinkStore>(host.Services.GetRequiredService<IChatLinkStore>());
        Assert.IsType<SqliteGuildSettingsStore>(host.Services.GetRequiredService<IGuildSettingsStore>());
    }

    [Fact]
    public void Defaults_PointAtDataPostmortemsDb()
    {
        using var host = BuildHost();

        var path = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;

        Assert.Equal(Path.Combine(_contentRoot, "data", "postmortems.db"), path);
    }

    [Theory]
    [InlineData("Storage:DatabasePath", " ", "Storage:DatabasePath is required")]
    [InlineData("Storage:DatabasePath", ":memory:", "must be a file")]
    [InlineData("Storage:BusyTimeout", "00:00:00", "Storage:BusyTimeout")]
    [InlineData("Storage:BusyRetries", "-1", "Storage:BusyRetries")]
    [InlineData("Storage:CachedPostmortems", "-1", "Storage:CachedPostmortems")]
    [InlineData("Storage:CheckpointInterval", "00:00:00", "Storage:CheckpointInterval")]
    [InlineData("Storage:WalAutoCheckpointPages", "10", "Storage:WalAutoCheckpointPages")]
    public async Task InvalidSettings_StopTheHostAtStartWithAClearMessage(string key, string value, string expected)
    {
        using var host = BuildHost((key, value));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
