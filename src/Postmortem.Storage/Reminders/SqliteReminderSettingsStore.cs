using System.Globalization;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Reminders;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Reminders;

/// <summary>
/// Each guild's reminder settings: the rules from <c>reminder_settings</c> (reminder time, offsets, intervals,
/// digest time) combined with the time zone and reminder channel of the guild's general settings
/// (<c>guild_settings</c>, owned by /postmortem config). Anything a guild did not set comes from the defaults.
/// </summary>
public sealed class SqliteReminderSettingsStore(SqliteDatabase database)
{
    internal const string SelectRulesSql = """
        SELECT guild_id, local_time, days_before, overdue_every_days, stale_after_days, digest_day, digest_time
        FROM reminder_settings
        WHERE $guild_id IS NULL OR guild_id = $guild_id;
        """;

    internal const string SelectGuildSql = """
        SELECT guild_id, time_zone, reminder_channel_id
        FROM guild_settings
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

    /// <summary>
    /// The settings of every guild that stored rules or general settings, on top of <paramref name="defaults"/>.
    /// A zone this machine does not know (a stale IANA id) reads as UTC rather than stopping that guild's reminders.
    /// </summary>
    public Task<IReadOnlyDictionary<string, ReminderSettings>> LoadAllAsync(ReminderSettings defaults, CancellationToken cancellationToken = default) =>
        LoadWhereAsync(null, defaults, cancellationToken);

    /// <summary>One guild's settings on top of <paramref name="defaults"/>.</summary>
    public async Task<ReminderSettings> LoadAsync(string guildId, ReminderSettings defaults, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return (await LoadWhereAsync(guildId, defaults, cancellationToken)).GetValueOrDefault(guildId) ?? defaults;
    }

    /// <summary>Stores a guild's rules. Its time zone and reminder channel are not stored here (see the class remarks).</summary>
    public Task SaveRulesAsync(string guildId, ReminderSettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = UpsertSql;
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$local_time", settings.LocalTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$days_before", string.Join(',', settings.DaysBefore.Select(d => d.ToString(CultureInfo.InvariantCulture))));
                command.Parameters.AddWithValue("$overdue_every_days", settings.OverdueEveryDays);
                command.Parameters.AddWithValue("$stale_after_days", settings.StaleAfterDays);
                command.Parameters.AddWithValue("$digest_day", (int)settings.DigestDay);
                command.Parameters.AddWithValue("$digest_time", settings.DigestTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
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

                await using (var general = Command(connection, SelectGuildSql, guildId))
                await using (var reader = await general.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        var guild = reader.GetString(0);
                        settings[guild] = settings.GetValueOrDefault(guild, defaults) with
                        {
                            TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(reader.GetString(1), out var zone) ? zone : TimeZoneInfo.Utc,
                            ReminderChannelId = reader.IsDBNull(2) ? null : reader.GetString(2),
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
