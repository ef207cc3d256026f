using Postmortem.Core.Guilds;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.GuildSettings;

/// <summary>
/// Per-guild settings (<c>guild_settings</c>); a guild without a row gets <paramref name="defaults"/> (UTC when not
/// given). A zone this machine no longer knows (a stale IANA id) reads as UTC rather than making the guild unusable.
/// </summary>
public sealed class SqliteGuildSettingsStore(SqliteDatabase database, TimeProvider? time = null, GuildDefaults? defaults = null)
    : IGuildSettingsStore
{
    internal const string SelectSql = """
        SELECT guild_id, time_zone, starter_role_id, reminder_channel_id, forum_channel_id, template_id
        FROM guild_settings
        WHERE $guild_id IS NULL OR guild_id = $guild_id;
        """;

    internal const string UpsertSql = """
        INSERT INTO guild_settings
            (guild_id, time_zone, starter_role_id, reminder_channel_id, forum_channel_id, template_id, updated_at)
        VALUES
            ($guild_id, $time_zone, $starter_role_id, $reminder_channel_id, $forum_channel_id, $template_id, $updated_at)
        ON CONFLICT (guild_id) DO UPDATE SET
            time_zone = excluded.time_zone,
            starter_role_id = excluded.starter_role_id,
            reminder_channel_id = excluded.reminder_channel_id,
            forum_channel_id = excluded.forum_channel_id,
            template_id = excluded.template_id,
            updated_at = excluded.updated_at;
        """;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Core.Guilds.GuildSettings _defaults = (defaults ?? GuildDefaults.Utc).Settings;

    public async Task<Core.Guilds.GuildSettings> GetAsync(string guildId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return (await LoadWhereAsync(guildId, cancellationToken)).GetValueOrDefault(guildId) ?? _defaults;
    }

    public Task<IReadOnlyDictionary<string, Core.Guilds.GuildSettings>> ListAsync(CancellationToken cancellationToken = default) =>
        LoadWhereAsync(null, cancellationToken);

    public Task SaveAsync(string guildId, Core.Guilds.GuildSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(settings);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = UpsertSql;
                command.Parameters.AddWithValue("$guild_id", guildId);
                command.Parameters.AddWithValue("$time_zone", settings.TimeZone.Id);
                command.Parameters.AddWithValue("$starter_role_id", (object?)settings.StarterRoleId ?? DBNull.Value);
                command.Parameters.AddWithValue("$reminder_channel_id", (object?)settings.ReminderChannelId ?? DBNull.Value);
                command.Parameters.AddWithValue("$forum_channel_id", (object?)settings.ForumChannelId ?? DBNull.Value);
                command.Parameters.AddWithValue("$template_id", (object?)settings.TemplateId ?? DBNull.Value);
                command.Parameters.AddWithValue("$updated_at", SqliteValues.Instant(_time.GetUtcNow()));
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    private Task<IReadOnlyDictionary<string, Core.Guilds.GuildSettings>> LoadWhereAsync(string? guildId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyDictionary<string, Core.Guilds.GuildSettings>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectSql;
                command.Parameters.AddWithValue("$guild_id", (object?)guildId ?? DBNull.Value);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var settings = new Dictionary<string, Core.Guilds.GuildSettings>(StringComparer.Ordinal);
                while (await reader.ReadAsync(ct))
                {
                    settings[reader.GetString(0)] = new Core.Guilds.GuildSettings
                    {
                        TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(reader.GetString(1), out var zone) ? zone : TimeZoneInfo.Utc,
                        StarterRoleId = reader.IsDBNull(2) ? null : reader.GetString(2),
                        ReminderChannelId = reader.IsDBNull(3) ? null : reader.GetString(3),
                        ForumChannelId = reader.IsDBNull(4) ? null : reader.GetString(4),
                        TemplateId = reader.IsDBNull(5) ? null : reader.GetString(5),
                    };
                }

                return settings;
            },
            cancellationToken);
}
