using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Database;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Tests.Database;

public sealed class SqliteDatabaseTests
{
    private static StorageOptions ShortBusyTimeout(int retries) => new()
    {
        DatabasePath = "postmortems.db",
        BusyTimeout = TimeSpan.FromMilliseconds(100),
        BusyRetries = retries,
    };

    [Fact]
    public async Task Connections_UseWalSynchronousFullForeignKeysAndTheBusyTimeout()
    {
        using var db = await TestDatabase.CreateAsync();
        await (await db.Connections.OpenAsync()).DisposeAsync();

        // The second open reuses the pooled physical connection: the settings are still in effect.
        await using var connection = await db.Connections.OpenAsync();
        await using var raw = db.OpenRaw();

        Assert.Equal("wal", await TestDatabase.ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(2L, await TestDatabase.ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL
        Assert.Equal(1L, await TestDatabase.ScalarAsync(connection, "PRAGMA foreign_keys"));
        Assert.Equal(5000L, await TestDatabase.ScalarAsync(connection, "PRAGMA busy_timeout"));
        Assert.Equal(10_000L, await TestDatabase.ScalarAsync(connection, "PRAGMA wal_autocheckpoint"));
        // WAL is a property of the file: a connection that set nothing sees it too.
        Assert.Equal("wal", await TestDatabase.ScalarAsync(raw, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task ForeignKeys_AreEnforced()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => TestDatabase.ScalarAsync(connection, """
            INSERT INTO action_items (postmortem_id, item_id, guild_id, label, text, status, updated_at)
            VALUES (999, 1, 'g', '1a-i', 't', 'Open', '2021-05-10T09:00:00.0000000Z')
            """));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task RelativePath_IsResolvedAgainstTheBaseFolder_AndItsFolderIsCreated()
    {
        using var db = await TestDatabase.CreateAsync(new StorageOptions { DatabasePath = "data/nested/postmortems.db" });

        Assert.Equal(Path.Combine(db.Folder, "data", "nested", "postmortems.db"), db.FilePath);
        Assert.True(File.Exists(db.FilePath));
    }

    [Fact]
    public async Task Busy_IsRetried_AndTheRetrySucceedsOnceTheLockIsGone()
    {
        using var setup = await TestDatabase.CreateAsync(ShortBusyTimeout(retries: 2));
        var id = (await setup.Service(new FakeTimeProvider(Now)).StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        await using var blocker = setup.OpenRaw();
        var lockHolder = blocker.BeginTransaction(deferred: false);
        var logger = new RecordingLogger<SqliteDatabase>((level, _) =>
        {
            // Runs between the failed attempt and the retry: the other writer finishes.
            if (level == LogLevel.Warning)
            {
                lockHolder.Commit();
            }
        });
        using var db = setup.Reopen(logger: logger);
        var postmortem = (await db.Repository.GetAsync(id))!;
        postmortem.Apply(new SetTitle("Saved after a retry"), Felix, Now);

        await db.Repository.SaveAsync(postmortem, expectedVersion: 1);

        var warning = Assert.Single(logger.Entries);
        Assert.Contains(db.FilePath, warning.Message, StringComparison.Ordinal);
        Assert.Equal("Saved after a retry", (await db.Repository.GetAsync(id))!.Title);
    }

    [Fact]
    public async Task Busy_BeyondTheRetries_FailsWithOneClearException()
    {
        using var setup = await TestDatabase.CreateAsync(ShortBusyTimeout(retries: 1));
        var id = (await setup.Service(new FakeTimeProvider(Now)).StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        var logger = new RecordingLogger<SqliteDatabase>();
        using var db = setup.Reopen(logger: logger);
        var postmortem = (await db.Repository.GetAsync(id))!;
        postmortem.Apply(new SetTitle("Never saved"), Felix, Now);
        await using var blocker = setup.OpenRaw();
        using (blocker.BeginTransaction(deferred: false))
        {
            var error = await Assert.ThrowsAsync<StorageException>(() => db.Repository.SaveAsync(postmortem, expectedVersion: 1));

            Assert.Equal(StorageFailure.Busy, error.Failure);
            Assert.Equal(db.FilePath, error.Location);
            Assert.Contains(db.FilePath, error.Message, StringComparison.Ordinal);
            Assert.Contains("2 attempts", error.Message, StringComparison.Ordinal);
            Assert.Single(logger.Entries);
        }

        Assert.Equal("Title", (await db.Repository.GetAsync(id))!.Title);
    }

    [Fact]
    public async Task AFileThatIsNotADatabase_FailsWithOneClearExceptionNamingTheFile()
    {
        using var db = TestDatabase.Unmigrated();
        await File.WriteAllTextAsync(db.FilePath, string.Concat(Enumerable.Repeat("These are meeting notes, not a database. ", 200)));

        var error = await Assert.ThrowsAsync<StorageException>(() => db.Migrator.MigrateAsync());

        Assert.Equal(StorageFailure.Corrupt, error.Failure);
        Assert.Contains($"'{db.FilePath}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APathThatIsAFolder_FailsWithOneClearExceptionNamingIt()
    {
        using var db = TestDatabase.Unmigrated(new StorageOptions { DatabasePath = "a-folder" });
        Directory.CreateDirectory(db.FilePath);

        var error = await Assert.ThrowsAsync<StorageException>(() => db.Migrator.MigrateAsync());

        Assert.Equal(StorageFailure.Unavailable, error.Failure);
        Assert.Contains($"'{db.FilePath}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableStoredState_FailsWithOneClearExceptionNamingThePostmortemAndFile()
    {
        using var db = await TestDatabase.CreateAsync();
        var id = (await db.Service(new FakeTimeProvider(Now)).StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        await using (var raw = db.OpenRaw())
        {
            await TestDatabase.ScalarAsync(raw, $"UPDATE postmortems SET state_json = '{{\"guildId\": 42' WHERE id = {id.Value}");
        }

        var error = await Assert.ThrowsAsync<StorageException>(() => db.Repository.GetAsync(id));

        Assert.Equal(StorageFailure.Corrupt, error.Failure);
        Assert.Contains($"Postmortem {id}", error.Message, StringComparison.Ordinal);
        Assert.Contains(db.FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStateSavedByANewerEngine_IsRefused()
    {
        using var db = await TestDatabase.CreateAsync();
        var id = (await db.Service(new FakeTimeProvider(Now)).StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        await using (var raw = db.OpenRaw())
        {
            await TestDatabase.ScalarAsync(raw, $"UPDATE postmortems SET state_json = json_set(state_json, '$.schemaVersion', {PostmortemState.CurrentSchemaVersion + 1}) WHERE id = {id.Value}");
        }

        var error = await Assert.ThrowsAsync<StorageException>(() => db.Repository.GetAsync(id));

        Assert.Equal(StorageFailure.SchemaTooNew, error.Failure);
    }
}
