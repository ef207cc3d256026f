namespace Postmortem.Core.Guilds;

/// <summary>
/// Where each guild's <see cref="GuildSettings"/> live. A stored time zone this machine no longer knows (a stale
/// IANA id) reads as UTC rather than making the guild unusable.
/// </summary>
public interface IGuildSettingsStore
{
    /// <summary>The guild's settings, or the store's <see cref="GuildDefaults.Settings"/> when it never saved any.</summary>
    Task<GuildSettings> GetAsync(string guildId, CancellationToken cancellationToken = default);

    /// <summary>The settings of every guild that saved some (guilds that never did are not listed).</summary>
    Task<IReadOnlyDictionary<string, GuildSettings>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the guild's settings (every member, including nulls).</summary>
    Task SaveAsync(string guildId, GuildSettings settings, CancellationToken cancellationToken = default);
}
