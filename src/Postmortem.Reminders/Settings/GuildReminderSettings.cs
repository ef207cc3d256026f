using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Postmortem.Core.Guilds;
using Postmortem.Core.Reminders;

namespace Postmortem.Reminders.Settings;

/// <summary>
/// Each guild's reminder settings, held in memory (a few hundred bytes per guild) so the schedule computations
/// stay synchronous: the guild's reminder rules (<see cref="IReminderSettingsStore"/>) over
/// <see cref="ReminderOptions"/>, with the time zone and reminder channel of its general settings
/// (<see cref="IGuildSettingsStore"/>, /postmortem config), else the deployment's zone (<see cref="GuildDefaults"/>).
/// Changing either re-queues the guild's items for recomputation (<see cref="Quartz.ReminderConfiguration"/> also
/// reschedules its digest).
/// </summary>
public sealed class GuildReminderSettings(
    IReminderSettingsStore store,
    IGuildSettingsStore guilds,
    IReminderScheduleStore schedule,
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

        var rules = await store.LoadAllAsync(Defaults, cancellationToken);
        var general = await guilds.ListAsync(cancellationToken);
        foreach (var guild in rules.Keys.Union(general.Keys, StringComparer.Ordinal))
        {
            _byGuild.TryAdd(guild, Combine(rules.GetValueOrDefault(guild), general.GetValueOrDefault(guild)));
        }

        _loaded = true;
    }

    /// <summary>Re-reads one guild (its general settings changed) and re-queues its items.</summary>
    public async Task ReloadAsync(string guildId, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        var rules = await store.FindAsync(guildId, Defaults, cancellationToken);
        _byGuild[guildId] = Combine(rules, await guilds.GetAsync(guildId, cancellationToken));
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

    private ReminderSettings Combine(ReminderSettings? rules, GuildSettings? general) =>
        general is null
            ? rules ?? Defaults
            : (rules ?? Defaults) with { TimeZone = general.TimeZone, ReminderChannelId = general.ReminderChannelId };
}
