using LiteDB;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Reminders;

/// <summary>Each guild's reminder rules as one document of <see cref="LiteDbSchema.ReminderSettings"/>; times in whole minutes of the day.</summary>
public sealed class LiteDbReminderSettingsStore(LiteDbDatabase database) : IReminderSettingsStore
{
    public Task<IReadOnlyDictionary<string, ReminderSettings>> LoadAllAsync(ReminderSettings defaults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return database.RunAsync<IReadOnlyDictionary<string, ReminderSettings>>(
            engine => engine.Find(LiteDbSchema.ReminderSettings).ToDictionary(d => d["_id"].AsString, d => Over(defaults, d), StringComparer.Ordinal),
            cancellationToken);
    }

    public Task<ReminderSettings?> FindAsync(string guildId, ReminderSettings defaults, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(defaults);
        return database.RunAsync(
            engine => engine.FindById(LiteDbSchema.ReminderSettings, guildId) is { } document ? Over(defaults, document) : null,
            cancellationToken);
    }

    public Task SaveRulesAsync(string guildId, ReminderSettings rules, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rules));
        }

        var document = new BsonDocument
        {
            ["_id"] = guildId,
            ["localTime"] = Minutes(rules.LocalTime),
            ["daysBefore"] = new BsonArray(rules.DaysBefore.Select(d => new BsonValue(d))),
            ["overdueEveryDays"] = rules.OverdueEveryDays,
            ["staleAfterDays"] = rules.StaleAfterDays,
            ["digestDay"] = (int)rules.DigestDay,
            ["digestTime"] = Minutes(rules.DigestTime),
            ["updatedAt"] = BsonValues.Instant(now),
        };
        return database.RunAsync(engine => engine.Upsert(LiteDbSchema.ReminderSettings, document), cancellationToken);
    }

    internal static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;

    internal static TimeOnly FromMinutes(int minutes) => new(minutes / 60, minutes % 60);

    private static ReminderSettings Over(ReminderSettings defaults, BsonDocument document) => defaults with
    {
        LocalTime = FromMinutes(document["localTime"].AsInt32),
        DaysBefore = [.. document["daysBefore"].AsArray.Select(d => d.AsInt32)],
        OverdueEveryDays = document["overdueEveryDays"].AsInt32,
        StaleAfterDays = document["staleAfterDays"].AsInt32,
        DigestDay = (DayOfWeek)document["digestDay"].AsInt32,
        DigestTime = FromMinutes(document["digestTime"].AsInt32),
    };
}
