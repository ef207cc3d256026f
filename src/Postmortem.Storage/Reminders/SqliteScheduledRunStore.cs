using System.Globalization;
using Postmortem.Core.Reminders;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Reminders;

/// <summary>
/// Runs of recurring reminder jobs per slot (<c>scheduled_runs</c>): a digest, a meeting reminder or the stale
/// sweep goes out once per slot, across restarts.
/// </summary>
public sealed class SqliteScheduledRunStore(SqliteDatabase database) : IScheduledRunStore
{
    internal const string HasRunSql = "SELECT count(*) FROM scheduled_runs WHERE job_key = $job_key AND slot = $slot;";

    internal const string RecordSql = """
        INSERT INTO scheduled_runs (job_key, slot, ran_at) VALUES ($job_key, $slot, $ran_at)
        ON CONFLICT (job_key, slot) DO NOTHING;
        """;

    internal const string LatestSql = "SELECT max(slot) FROM scheduled_runs WHERE job_key = $job_key;";

    public Task<bool> HasRunAsync(string jobKey, DateTimeOffset slot, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = HasRunSql;
                command.Parameters.AddWithValue("$job_key", jobKey);
                command.Parameters.AddWithValue("$slot", SqliteValues.Instant(slot));
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
            },
            cancellationToken);

    /// <summary>Records a run; false when that slot was already recorded.</summary>
    public Task<bool> RecordAsync(string jobKey, DateTimeOffset slot, DateTimeOffset ranAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = RecordSql;
                command.Parameters.AddWithValue("$job_key", jobKey);
                command.Parameters.AddWithValue("$slot", SqliteValues.Instant(slot));
                command.Parameters.AddWithValue("$ran_at", SqliteValues.Instant(ranAt));
                return await command.ExecuteNonQueryAsync(ct) > 0;
            },
            cancellationToken);

    /// <summary>The latest slot recorded for a job, or null.</summary>
    public Task<DateTimeOffset?> LatestSlotAsync(string jobKey, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = LatestSql;
                command.Parameters.AddWithValue("$job_key", jobKey);
                return await command.ExecuteScalarAsync(ct) is string text ? SqliteValues.ParseInstant(text) : (DateTimeOffset?)null;
            },
            cancellationToken);
}
