using Postmortem.Core.Reminders;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Quartz;

/// <summary>Applies a guild's changed settings at once: its item schedules and its digest trigger.</summary>
public sealed class ReminderConfiguration(
    GuildReminderSettings settings,
    ReminderScheduleSync sync,
    RecurringReminderSchedules schedules)
{
    /// <summary>Saves a guild's reminder rules; returns a user-facing problem (nothing changed) or null once in force.</summary>
    public async Task<string?> SaveRulesAsync(string guildId, ReminderSettings rules, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Validate() is { } problem)
        {
            return problem;
        }

        await settings.SaveRulesAsync(guildId, rules, cancellationToken);
        await ApplyAsync(guildId, cancellationToken);
        return null;
    }

    /// <summary>The guild's general settings (time zone, reminder channel) changed: follow them.</summary>
    public async Task GuildSettingsChangedAsync(string guildId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        await settings.ReloadAsync(guildId, cancellationToken);
        await ApplyAsync(guildId, cancellationToken);
    }

    private async Task ApplyAsync(string guildId, CancellationToken cancellationToken)
    {
        await sync.SyncAsync(cancellationToken);
        await schedules.ScheduleDigestAsync(guildId, cancellationToken);
    }
}
