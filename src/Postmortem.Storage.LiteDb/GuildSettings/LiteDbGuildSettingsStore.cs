using LiteDB;
using Postmortem.Core.Guilds;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.GuildSettings;

/// <summary>
/// Per-guild settings, one document per guild; a guild without one gets <paramref name="defaults"/> (UTC when not
/// given). A zone this machine no longer knows (a stale IANA id) reads as UTC rather than making the guild unusable.
/// </summary>
public sealed class LiteDbGuildSettingsStore(LiteDbDatabase database, TimeProvider? time = null, GuildDefaults? defaults = null)
    : IGuildSettingsStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Core.Guilds.GuildSettings _defaults = (defaults ?? GuildDefaults.Utc).Settings;

    public Task<Core.Guilds.GuildSettings> GetAsync(string guildId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return database.RunAsync(
            engine => engine.FindById(LiteDbSchema.GuildSettings, guildId) is { } document ? ToSettings(document) : _defaults,
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, Core.Guilds.GuildSettings>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyDictionary<string, Core.Guilds.GuildSettings>>(
            engine => engine.Find(LiteDbSchema.GuildSettings).ToDictionary(d => d["_id"].AsString, ToSettings, StringComparer.Ordinal),
            cancellationToken);

    public Task SaveAsync(string guildId, Core.Guilds.GuildSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(settings);
        var document = new BsonDocument
        {
            ["_id"] = guildId,
            ["timeZone"] = settings.TimeZone.Id,
            ["starterRole"] = BsonValues.Text(settings.StarterRoleId),
            ["reminderChannel"] = BsonValues.Text(settings.ReminderChannelId),
            ["forumChannel"] = BsonValues.Text(settings.ForumChannelId),
            ["template"] = BsonValues.Text(settings.TemplateId),
            ["updatedAt"] = BsonValues.Instant(_time.GetUtcNow()),
        };
        return database.RunAsync(engine => engine.Upsert(LiteDbSchema.GuildSettings, document), cancellationToken);
    }

    private static Core.Guilds.GuildSettings ToSettings(BsonDocument document) => new()
    {
        TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(document["timeZone"].AsString, out var zone) ? zone : TimeZoneInfo.Utc,
        StarterRoleId = BsonValues.ToText(document["starterRole"]),
        ReminderChannelId = BsonValues.ToText(document["reminderChannel"]),
        ForumChannelId = BsonValues.ToText(document["forumChannel"]),
        TemplateId = BsonValues.ToText(document["template"]),
    };
}
