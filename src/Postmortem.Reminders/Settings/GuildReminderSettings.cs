using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Postmortem.Core.Guilds;
using Postmortem.Core.Reminders;
using Postmortem.Storage.Reminders;

namespace Postmortem.Reminders.Settings;

/// <summary>
/// Each guild's reminder settings, held in memory (a few hundred bytes per guild) so the schedule computations
/// stay synchronous: the guild's reminder rules over <see cref="ReminderOptions"/>, with the time zone and
/// reminder channel of its general settings (/postmortem config), else the deployment's zone (<see cref="GuildDefaults"/>). Changing either re-queues the guild's items
/// for recomputation (<see cref="Quartz.ReminderConfiguration"/> also reschedules its digest).
/// </summary>
public sealed class GuildReminderSettings(
    SqliteReminderSettingsStore store,
    SqliteReminderScheduleStore schedule,
    IOptions<ReminderOptions> options,
    GuildDefaults guildDefaults,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ReminderSettings> _byGuild = new(StringComparer.Ordinal);
    private readonly Lazy<ReminderSettings> _defaults = new(() => options.Value.ToDefaultSettings(guildDefaults.TimeZone));
    private volatile bool _loaded;

    public ReminderSettings Defaults => _defaults.Value;

    /// <summary>Guilds that stored settings of their own.</summary>
    public IReadOnlyDictionary<string, ReminderSettings> Stored => _byGuild;

    public ReminderSettings For(string guildId) => _byGuild.TryGetValue(guildId, out var settings) ? settings : Defaults;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return;
        }

        foreach (var (guild, settings) in await store.LoadAllAsync(Defaults, cancellationToken))
        {
            _byGuild.TryAdd(guild, settings);
        }

        _loaded = true;
    }

    /// <summary>Re-reads one guild (its general settings changed) and re-queues its items.</summary>
    public async Task ReloadAsync(string guildId, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        _byGuild[guildId] = await store.LoadAsync(guildId, Defaults, cancellationToken);
        await schedule.MarkGuildDirtyAsync(guildId, cancellationToken);
    }

    /// <summary>Stores a guild's reminder rules (not its zone or channel, see the class summary) and re-queues its items.</summary>
    /// <exception cref="ArgumentException">The rules are invalid (see <see cref="ReminderSettings.Validate"/>).</exception>
    public async Task SaveRulesAsync(string guildId, ReminderSettings rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await store.SaveRulesAsync(guildId, rules, time.GetUtcNow(), cancellationToken);
        await ReloadAsync(guildId, cancellationToken);
    }
}
