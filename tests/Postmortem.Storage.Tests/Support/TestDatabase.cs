using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Chat;
using Postmortem.Storage.Database;
using Postmortem.Storage.GuildSettings;
using Postmortem.Storage.Migrations;
using Postmortem.Storage.Postmortems;
using Postmortem.Storage.Reminders;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.Tests.Support;

/// <summary>A real SQLite file in its own temp folder, migrated, with the store's objects wired to it.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly bool _ownsFolder;

    private TestDatabase(string folder, bool ownsFolder, StorageOptions options, ILogger<SqliteDatabase>? logger, GuildDefaults? guildDefaults = null)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        Options = options;
        GuildDefaults = guildDefaults;
        Connections = new SqliteConnectionFactory(options, folder);
        Database = new SqliteDatabase(Connections, logger);
        Migrator = new SchemaMigrator(Database);
        Repository = new SqlitePostmortemRepository(Database);
        ActionItems = new SqliteActionItemQueries(Database);
        Ports = new StoragePorts(
            Repository,
            ActionItems,
            new SqliteReminderScheduleStore(Database),
            new SqliteReminderSettingsStore(Database),
            new SqliteScheduledRunStore(Database),
            new SqliteReviewMeetingStore(Database),
            new SqliteStaleNudgeStore(Database),
            new SqliteDmChannelStore(Database),
            new SqliteChatLinkStore(Database),
            new SqliteGuildSettingsStore(Database, defaults: guildDefaults));
    }

    public GuildDefaults? GuildDefaults { get; }

    /// <summary>Every port over this file.</summary>
    public StoragePorts Ports { get; }

    public string Folder { get; }

    public string FilePath => Connections.DatabasePath;

    public StorageOptions Options { get; }

    public SqliteConnectionFactory Connections { get; }

    public SqliteDatabase Database { get; }

    public SchemaMigrator Migrator { get; }

    public SqlitePostmortemRepository Repository { get; }

    public SqliteActionItemQueries ActionItems { get; }

    /// <summary>An empty folder under the temp directory (the caller owns it through the returned database).</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "postmortem-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A new database file, not migrated yet.</summary>
    public static TestDatabase Unmigrated(StorageOptions? options = null, ILogger<SqliteDatabase>? logger = null, GuildDefaults? guildDefaults = null) =>
        new(NewFolder(), ownsFolder: true, options ?? new StorageOptions { DatabasePath = "postmortems.db" }, logger, guildDefaults);

    public static async Task<TestDatabase> CreateAsync(StorageOptions? options = null, ILogger<SqliteDatabase>? logger = null, GuildDefaults? guildDefaults = null)
    {
        var database = Unmigrated(options, logger, guildDefaults);
        await database.Migrator.MigrateAsync();
        return database;
    }

    /// <summary>
    /// The same file through brand-new objects and fresh physical connections (the pool is cleared), as after
    /// a restart. The reopened instance does not delete the folder.
    /// </summary>
    public TestDatabase Reopen(StorageOptions? options = null, ILogger<SqliteDatabase>? logger = null)
    {
        SqliteConnection.ClearAllPools();
        return new TestDatabase(Folder, ownsFolder: false, options ?? Options, logger, GuildDefaults);
    }

    public PostmortemService Service(TimeProvider time) => new(Repository, time);

    /// <summary>A connection outside the store (no pool, no pragmas) for inspecting or blocking the file.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        if (!_ownsFolder)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process killed by a test may still be releasing the file; the temp folder is disposable.
        }
    }
}
