using System.Globalization;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Reminders;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Reminders;

/// <summary>
/// Each guild's reminder rules in <c>reminder_settings</c> (reminder time, offsets, intervals, digest time). The
/// time zone and reminder channel are the guild's general settings (<see cref="GuildSettings.SqliteGuildSettingsStore"/>).
/// </summary>
public sealed class SqliteReminderSettingsStore(SqliteDatabase database) : IReminderSettingsStore
{
    internal const string SelectRulesSql = """
        SELECT guild_id, local_time, days_before, overdue_every_days, stale_after_days, digest_day, digest_time
        FROM reminder_settings
        WHERE $guild_id IS NULL OR guild_id = $guild_id;
        """;

    internal const string UpsertSql = """
        INSERT INTO reminder_settings
            (guild_id, local_time, days_before, overdue_every_days, stale_after_days, digest_day, digest_time, updated_at)
        VALUES
            ($guild_id, $local_time, $days_before, $overdue_every_days, $stale_after_days, $digest_day, $digest_time, $updated_at)
        ON CONFLICT (guild_id) DO UPDATE SET
            local_time = excluded.local_time,
            days_before = excluded.days_before,
            overdue_every_days = excluded.overdue_every_days,
            stale_after_days = excluded.stale_after_days,
            digest_day = excluded.digest_day,
            digest_time = excluded.digest_time,
            updated_at = excluded.updated_at;
        """;

    private const string TimeFormat = "HH':'mm";

    public Task<IReadOnlyDictionary<string, ReminderSettings>> LoadAllAsync(ReminderSettings defaults, CancellationToken cancellationToken = default) =>
        LoadWhereAsync(null, defaults, cancellationToken);

    public async Task<ReminderSettings?> FindAsync(string guildId, ReminderSettings defaults, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return (await LoadWhereAsync(guildId, defaults, cancellationToken)).GetValueOrDefault(guildId);
    }

    public Task SaveRulesAsync(string guildId, ReminderSettings rules, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rules));
        }

        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = UpsertSql;
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$local_time", rules.LocalTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$days_before", string.Join(',', rules.DaysBefore.Select(d => d.ToString(CultureInfo.InvariantCulture))));
                command.Parameters.AddWithValue("$overdue_every_days", rules.OverdueEveryDays);
                command.Parameters.AddWithValue("$stale_after_days", rules.StaleAfterDays);
                command.Parameters.AddWithValue("$digest_day", (int)rules.DigestDay);
                command.Parameters.AddWithValue("$digest_time", rules.DigestTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$updated_at", SqliteValues.Instant(now));
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    private Task<IReadOnlyDictionary<string, ReminderSettings>> LoadWhereAsync(string? guildId, ReminderSettings defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return database.RunAsync<IReadOnlyDictionary<string, ReminderSettings>>(
            async (connection, ct) =>
            {
                var settings = new Dictionary<string, ReminderSettings>(StringComparer.Ordinal);
                await using (var rules = Command(connection, SelectRulesSql, guildId))
                await using (var reader = await rules.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        settings[reader.GetString(0)] = defaults with
                        {
                            LocalTime = TimeOnly.ParseExact(reader.GetString(1), TimeFormat, CultureInfo.InvariantCulture),
                            DaysBefore = ParseDays(reader.GetString(2)),
                            OverdueEveryDays = reader.GetInt32(3),
                            StaleAfterDays = reader.GetInt32(4),
                            DigestDay = (DayOfWeek)reader.GetInt32(5),
                            DigestTime = TimeOnly.ParseExact(reader.GetString(6), TimeFormat, CultureInfo.InvariantCulture),
                        };
                    }
                }

                return settings;
            },
            cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string? guildId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$guild_id", (object?)guildId ?? DBNull.Value);
        return command;
    }

    private static int[] ParseDays(string text) =>
        text.Length == 0 ? [] : [.. text.Split(',').Select(d => int.Parse(d, NumberStyles.Integer, CultureInfo.InvariantCulture))];
}
