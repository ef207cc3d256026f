using Postmortem.Core.Guilds;
using Postmortem.DiscordBot.Settings;
using Postmortem.Reminders.Quartz;

namespace Postmortem.DiscordBot.Reminders;

/// <summary>After /postmortem config: reminders follow a new time zone or reminder channel at once.</summary>
public sealed class ReminderSettingsListener(ReminderConfiguration configuration) : IGuildSettingsListener
{
    public async Task SettingsChangedAsync(string guildId, GuildSettings before, GuildSettings after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.TimeZone.Id != after.TimeZone.Id || before.ReminderChannelId != after.ReminderChannelId)
        {
            await configuration.GuildSettingsChangedAsync(guildId, cancellationToken);
        }
    }
}
