namespace Postmortem.Core.Reminders;

/// <summary>
/// Each guild's reminder rules: <see cref="ReminderSettings.LocalTime"/>, <see cref="ReminderSettings.DaysBefore"/>
/// (in the order given), <see cref="ReminderSettings.OverdueEveryDays"/>, <see cref="ReminderSettings.StaleAfterDays"/>,
/// <see cref="ReminderSettings.DigestDay"/> and <see cref="ReminderSettings.DigestTime"/>. Times are kept to the
/// minute (seconds are dropped). The time zone and reminder channel are NOT stored here: they are the guild's general
/// settings (<see cref="Guilds.IGuildSettingsStore"/>), so what is read carries the given defaults' values for them.
/// </summary>
public interface IReminderSettingsStore
{
    /// <summary>The stored rules of every guild that saved some, each over <paramref name="defaults"/>.</summary>
    Task<IReadOnlyDictionary<string, ReminderSettings>> LoadAllAsync(ReminderSettings defaults, CancellationToken cancellationToken = default);

    /// <summary>One guild's stored rules over <paramref name="defaults"/>, or null when it saved none.</summary>
    Task<ReminderSettings?> FindAsync(string guildId, ReminderSettings defaults, CancellationToken cancellationToken = default);

    /// <summary>Replaces a guild's rules.</summary>
    /// <exception cref="ArgumentException">The rules are invalid (<see cref="ReminderSettings.Validate"/>); callers check first.</exception>
    Task SaveRulesAsync(string guildId, ReminderSettings rules, DateTimeOffset now, CancellationToken cancellationToken = default);
}
