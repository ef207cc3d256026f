using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Application;
using SQLitePCL;

namespace Postmortem.Storage.Database;

/// <summary>
/// Opens pooled connections to the one database file with the settings every unit of work relies on:
/// foreign keys enforced, <c>synchronous=FULL</c> (in WAL mode an acknowledged commit then survives power
/// loss), a busy timeout and the auto-checkpoint backstop. The first open also puts the file in WAL mode,
/// which SQLite keeps in the file.
/// </summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly Lock _initializeGate = new();

    // Pragmas belong to the physical connection, which the pool hands out again and again; setting them once
    // per physical connection keeps three statements off every unit of work.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];
    private volatile bool _initialized;

    public SqliteConnectionFactory(StorageOptions options, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        Options = options;
        DatabasePath = Path.GetFullPath(options.DatabasePath, baseDirectory ?? Directory.GetCurrentDirectory());
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite keeps re-stepping a busy statement until the command timeout; aligning it
            // with busy_timeout makes SQLite's own wait the only one, so BusyTimeout means what it says.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        var busyMilliseconds = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var autoCheckpointPages = options.WalAutoCheckpointPages.ToString(CultureInfo.InvariantCulture);
        _connectionPragmas = $"""
            PRAGMA foreign_keys = ON;
            PRAGMA synchronous = FULL;
            PRAGMA busy_timeout = {busyMilliseconds};
            PRAGMA wal_autocheckpoint = {autoCheckpointPages};
            """;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public StorageOptions Options { get; }

    /// <summary>Opens a connection with the per-connection pragmas applied. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_initialized)
        {
            Initialize();
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var handle = connection.Handle!;
            if (!_configured.TryGetValue(handle, out _))
            {
                using var pragmas = connection.CreateCommand();
                pragmas.CommandText = _connectionPragmas;
                pragmas.ExecuteNonQuery();
                _configured.AddOrUpdate(handle, this);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void Initialize()
    {
        lock (_initializeGate)
        {
            if (_initialized)
            {
                return;
            }

            if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = command.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageException(
                    StorageFailure.Unavailable,
                    DatabasePath,
                    $"The database file '{DatabasePath}' could not be switched to WAL mode (it reports '{mode}'); "
                    + "put it on a local file system that supports shared memory.");
            }

            _initialized = true;
        }
    }
}
