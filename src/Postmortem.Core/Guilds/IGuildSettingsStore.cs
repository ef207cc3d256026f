namespace Postmortem.Core.Guilds;

/// <summary>Where each guild's <see cref="GuildSettings"/> live.</summary>
public interface IGuildSettingsStore
{
    /// <summary>The guild's settings, or <see cref="GuildDefaults.Settings"/> when it never saved any.</summary>
    Task<GuildSettings> GetAsync(string guildId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the guild's settings.</summary>
    Task SaveAsync(string guildId, GuildSettings settings, CancellationToken cancellationToken = default);
}
