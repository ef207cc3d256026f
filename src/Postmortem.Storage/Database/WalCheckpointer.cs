namespace Postmortem.Storage.Database;

/// <summary>
/// Copies committed WAL pages into the database file. Run between answers (see
/// <see cref="WalCheckpointService"/>) it keeps that work, and its fsync of the database file, off the commit
/// of an answer; SQLite's auto-checkpoint would otherwise do it inside every ~1000th commit.
/// </summary>
public sealed class WalCheckpointer(SqliteDatabase database)
{
    /// <summary>A PASSIVE checkpoint: copies what it can without waiting for or blocking readers and writers.</summary>
    public Task<WalCheckpoint> CheckpointAsync(CancellationToken cancellationToken = default) =>
        RunAsync("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);

    /// <summary>A TRUNCATE checkpoint (on shutdown): waits for writers, copies everything and empties the WAL file.</summary>
    public Task<WalCheckpoint> TruncateAsync(CancellationToken cancellationToken = default) =>
        RunAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);

    private Task<WalCheckpoint> RunAsync(string sql, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                return new WalCheckpoint(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2));
            },
            cancellationToken);
}
