using Microsoft.Data.Sqlite;
using Postmortem.Core.Application;
using Postmortem.Storage.Migrations;
using Postmortem.Storage.Tests.Support;

namespace Postmortem.Storage.Tests.Migrations;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Unmigrated();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void EmbeddedMigrations_AreNumberedFromOneWithoutGaps()
    {
        var migrations = Migration.Embedded;

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Equal(["postmortems", "action_items"], migrations.Take(2).Select(m => m.Name));
        Assert.All(migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public async Task Migrate_AppliesEveryMigrationOnce_AndRecordsIt()
    {
        var first = await _db.Migrator.MigrateAsync();
        var second = await _db.Migrator.MigrateAsync();
        var third = await _db.Reopen().Migrator.MigrateAsync();

        Assert.Equal(Migration.Embedded, first);
        Assert.Empty(second);
        Assert.Empty(third);
        Assert.Equal(Migration.Embedded.Select(m => m.Version), await _db.Migrator.AppliedVersionsAsync());
        await using var raw = _db.OpenRaw();
        Assert.Equal((long)Migration.Embedded.Count, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal("postmortems", await TestDatabase.ScalarAsync(raw, "SELECT name FROM schema_migrations WHERE version = 1"));
        var appliedAt = (string)(await TestDatabase.ScalarAsync(raw, "SELECT applied_at FROM schema_migrations WHERE version = 1"))!;
        Assert.EndsWith("Z", appliedAt, StringComparison.Ordinal);
        Assert.Equal(1L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'action_items'"));
    }

    [Fact]
    public async Task Migrate_AppliesOnlyTheNewOnes_WhenABuildAddsMigrations()
    {
        await new SchemaMigrator(_db.Database, migrations: [.. Migration.Embedded]).MigrateAsync();
        var later = new Migration(Migration.Embedded.Count + 1, "reminders", "CREATE TABLE reminders (id INTEGER PRIMARY KEY) STRICT;");

        var applied = await new SchemaMigrator(_db.Database, migrations: [.. Migration.Embedded, later]).MigrateAsync();

        Assert.Equal([later], applied);
        await using var raw = _db.OpenRaw();
        Assert.Equal(1L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'reminders'"));
    }

    [Fact]
    public async Task Migrate_WhenAMigrationFails_RollsBackThatMigrationOnly()
    {
        var good = new Migration(1, "good", "CREATE TABLE good (id INTEGER PRIMARY KEY);");
        var bad = new Migration(2, "bad", "CREATE TABLE half_done (id INTEGER PRIMARY KEY); THIS IS NOT SQL;");
        var migrator = new SchemaMigrator(_db.Database, migrations: [good, bad]);

        await Assert.ThrowsAsync<SqliteException>(() => migrator.MigrateAsync());

        Assert.Equal([1], await migrator.AppliedVersionsAsync());
        await using var raw = _db.OpenRaw();
        Assert.Equal(0L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"));
        Assert.Equal(1L, await TestDatabase.ScalarAsync(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'good'"));
    }

    [Fact]
    public async Task Migrate_WhenTheDatabaseIsNewerThanTheBuild_FailsWithAClearMessage()
    {
        await _db.Migrator.MigrateAsync();
        var newer = Migration.Embedded.Count + 1;
        await using (var raw = _db.OpenRaw())
        {
            await TestDatabase.ScalarAsync(raw, $"INSERT INTO schema_migrations VALUES ({newer}, 'from_the_future', '2030-01-01T00:00:00.0000000Z')");
        }

        var error = await Assert.ThrowsAsync<StorageException>(() => _db.Reopen().Migrator.MigrateAsync());

        Assert.Equal(StorageFailure.SchemaTooNew, error.Failure);
        Assert.Contains(_db.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {Migration.Embedded.Count}", error.Message, StringComparison.Ordinal);
    }
}
