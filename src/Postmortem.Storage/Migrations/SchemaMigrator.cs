using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Core.Application;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Migrations;

/// <summary>
/// Brings the database file up to the newest schema this build knows: each pending migration runs in its own
/// transaction together with its row in <c>schema_migrations</c>, so a crash leaves either all of a migration
/// or none of it. Running it again is a no-op; a database migrated by a newer build is refused.
/// </summary>
/// <remarks>
/// Migrations run inside a transaction, where SQLite ignores <c>PRAGMA foreign_keys</c>; a future migration
/// that rebuilds a table must keep referencing rows consistent itself (see sqlite.org/lang_altertable.html).
/// </remarks>
public sealed partial class SchemaMigrator(
    SqliteDatabase database,
    ILogger<SchemaMigrator>? logger = null,
    TimeProvider? time = null,
    IReadOnlyList<Migration>? migrations = null)
{
    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;
        """;

    private const string SelectApplied = "SELECT version FROM schema_migrations ORDER BY version;";

    private const string SelectOneApplied = "SELECT count(*) FROM schema_migrations WHERE version = $version;";

    private const string InsertApplied = """
        INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $applied_at);
        """;

    private readonly ILogger _logger = logger ?? NullLogger<SchemaMigrator>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly IReadOnlyList<Migration> _migrations = migrations ?? Migration.Embedded;

    /// <summary>The newest schema version this build knows.</summary>
    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations.Max(m => m.Version);

    /// <summary>Applies the pending migrations and returns the ones applied by this call.</summary>
    /// <exception cref="StorageException">The database is newer than this build, unreadable or stays locked.</exception>
    public Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<Migration>>(
            async (connection, ct) =>
            {
                await ExecuteAsync(connection, CreateHistoryTable, ct);
                var applied = await ReadAppliedAsync(connection, ct);
                if (applied.Count > 0 && applied.Max() > LatestVersion)
                {
                    throw new StorageException(
                        StorageFailure.SchemaTooNew,
                        database.DatabasePath,
                        $"The database file '{database.DatabasePath}' is at schema version {applied.Max()}, but this build "
                        + $"only knows versions up to {LatestVersion}. Run the newer build that migrated it, or restore a "
                        + "backup taken before the upgrade.");
                }

                var appliedNow = new List<Migration>();
                foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
                {
                    if (await ApplyAsync(connection, migration, ct))
                    {
                        appliedNow.Add(migration);
                    }
                }

                return appliedNow;
            },
            cancellationToken);

    /// <summary>The versions recorded in <c>schema_migrations</c>, oldest first.</summary>
    public Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<int>>(
            async (connection, ct) =>
            {
                await ExecuteAsync(connection, CreateHistoryTable, ct);
                return [.. (await ReadAppliedAsync(connection, ct)).Order()];
            },
            cancellationToken);

    private async Task<bool> ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        await using (var check = connection.CreateCommand())
        {
            // Another process may have applied it between our read and this write lock.
            check.CommandText = SelectOneApplied;
            check.Parameters.AddWithValue("$version", migration.Version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }

        await ExecuteAsync(connection, migration.Sql, cancellationToken);
        await using (var record = connection.CreateCommand())
        {
            record.CommandText = InsertApplied;
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$applied_at", SqliteValues.Instant(_time.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogMigrated(_logger, database.DatabasePath, migration.Version, migration.Name);
        return true;
    }

    private static async Task<HashSet<int>> ReadAppliedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SelectApplied;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DatabasePath} migrated to schema version {Version} ({Name})")]
    private static partial void LogMigrated(ILogger logger, string databasePath, int version, string name);
}
