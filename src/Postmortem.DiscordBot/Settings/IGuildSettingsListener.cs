using Postmortem.Core.Guilds;

namespace Postmortem.DiscordBot.Settings;

/// <summary>
/// Told after <c>/postmortem config</c> saved new settings (e.g. so reminders can follow a new time zone or
/// channel). Register implementations in DI; they run after the admin got the answer.
/// </summary>
public interface IGuildSettingsListener
{
    Task SettingsChangedAsync(string guildId, GuildSettings before, GuildSettings after, CancellationToken cancellationToken);
}
