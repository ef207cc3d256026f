using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Core.Application;

namespace Postmortem.Storage.Database;

/// <summary>
/// Runs units of work on their own connection. SQLITE_BUSY that outlasts the busy timeout is retried a
/// bounded number of times (each unit is one transaction, so re-running it is safe); a damaged or
/// unreachable file becomes one <see cref="StorageException"/> naming the file.
/// </summary>
public sealed partial class SqliteDatabase(SqliteConnectionFactory connections, ILogger<SqliteDatabase>? logger = null)
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private const int SqlitePermission = 3;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;

    private readonly ILogger _logger = logger ?? NullLogger<SqliteDatabase>.Instance;

    public string DatabasePath => connections.DatabasePath;

    public SqliteConnectionFactory Connections => connections;

    public async Task<T> RunAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var retries = connections.Options.BusyRetries;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                return await work(connection, cancellationToken);
            }
            catch (SqliteException exception) when (IsBusy(exception) && attempt <= retries)
            {
                LogBusyRetry(_logger, DatabasePath, connections.Options.BusyTimeout, attempt, retries);
            }
            catch (SqliteException exception) when (IsBusy(exception))
            {
                throw new StorageException(
                    StorageFailure.Busy,
                    DatabasePath,
                    $"The database file '{DatabasePath}' stayed locked by another connection through {attempt} attempts "
                    + $"of {connections.Options.BusyTimeout.TotalSeconds:0.###} s; is another process holding a long transaction?",
                    exception);
            }
            catch (SqliteException exception) when (Classify(exception) is { } failure)
            {
                throw new StorageException(failure, DatabasePath, Describe(failure, exception), exception);
            }
        }
    }

    public Task RunAsync(Func<SqliteConnection, CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(
            async (connection, ct) =>
            {
                await work(connection, ct);
                return true;
            },
            cancellationToken);
    }

    private static int PrimaryCode(SqliteException exception) => exception.SqliteErrorCode & 0xFF;

    private static bool IsBusy(SqliteException exception) => PrimaryCode(exception) is SqliteBusy or SqliteLocked;

    private static StorageFailure? Classify(SqliteException exception) => PrimaryCode(exception) switch
    {
        SqliteCorrupt or SqliteNotADatabase => StorageFailure.Corrupt,
        SqlitePermission or SqliteReadOnly or SqliteIoError or SqliteCantOpen => StorageFailure.Unavailable,
        _ => null,
    };

    private string Describe(StorageFailure failure, SqliteException exception) => failure switch
    {
        StorageFailure.Corrupt =>
            $"The database file '{DatabasePath}' is corrupt or is not a SQLite database ({exception.Message}). "
            + "Restore it from a backup or point Storage:DatabasePath at another file.",
        _ =>
            $"The database file '{DatabasePath}' cannot be opened or written ({exception.Message}). "
            + "Check that the folder exists, is writable and the disk is not full.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {DatabasePath} stayed locked for {BusyTimeout}; retrying ({Attempt} of {Retries})")]
    private static partial void LogBusyRetry(ILogger logger, string databasePath, TimeSpan busyTimeout, int attempt, int retries);
}
