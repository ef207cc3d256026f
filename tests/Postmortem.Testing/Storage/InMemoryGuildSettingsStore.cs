using Postmortem.Core.Guilds;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IGuildSettingsStore"/>; guilds that saved nothing get <paramref name="defaults"/>.</summary>
public sealed class InMemoryGuildSettingsStore(InMemoryStorage storage, GuildDefaults defaults) : IGuildSettingsStore
{
    public Task<GuildSettings> GetAsync(string guildId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return storage.RunAsync(() => storage.GuildSettings.GetValueOrDefault(guildId) ?? defaults.Settings, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, GuildSettings>> ListAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync<IReadOnlyDictionary<string, GuildSettings>>(
            () => new Dictionary<string, GuildSettings>(storage.GuildSettings, StringComparer.Ordinal),
            cancellationToken);

    public Task SaveAsync(string guildId, GuildSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentNullException.ThrowIfNull(settings);
        return storage.RunAsync(() => storage.GuildSettings[guildId] = settings, cancellationToken);
    }
}
