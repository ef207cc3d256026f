using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IReminderSettingsStore"/>: the rule members only, times to the minute.</summary>
public sealed class InMemoryReminderSettingsStore(InMemoryStorage storage) : IReminderSettingsStore
{
    public Task<IReadOnlyDictionary<string, ReminderSettings>> LoadAllAsync(ReminderSettings defaults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return storage.RunAsync<IReadOnlyDictionary<string, ReminderSettings>>(
            () => storage.ReminderRules.ToDictionary(r => r.Key, r => Over(defaults, r.Value), StringComparer.Ordinal),
            cancellationToken);
    }

    public Task<ReminderSettings?> FindAsync(string guildId, ReminderSettings defaults, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(defaults);
        return storage.RunAsync(
            () => storage.ReminderRules.TryGetValue(guildId, out var rules) ? Over(defaults, rules) : null,
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

        var stored = rules with { DaysBefore = [.. rules.DaysBefore] };
        return storage.RunAsync(() => storage.ReminderRules[guildId] = stored, cancellationToken);
    }

    private static ReminderSettings Over(ReminderSettings defaults, ReminderSettings rules) => defaults with
    {
        LocalTime = InMemoryStorage.ToMinute(rules.LocalTime),
        DaysBefore = [.. rules.DaysBefore],
        OverdueEveryDays = rules.OverdueEveryDays,
        StaleAfterDays = rules.StaleAfterDays,
        DigestDay = rules.DigestDay,
        DigestTime = InMemoryStorage.ToMinute(rules.DigestTime),
    };
}
