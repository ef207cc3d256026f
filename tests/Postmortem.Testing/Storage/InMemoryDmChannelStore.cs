using Postmortem.Core.Chat;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IDmChannelStore"/>.</summary>
public sealed class InMemoryDmChannelStore(InMemoryStorage storage) : IDmChannelStore
{
    public Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync<IReadOnlyDictionary<string, string>>(() => new Dictionary<string, string>(storage.DmChannels, StringComparer.Ordinal), cancellationToken);

    public Task SaveAsync(string userId, string channelId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return storage.RunAsync(() => storage.DmChannels[userId] = channelId, cancellationToken);
    }

    public Task ForgetAsync(string userId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => storage.DmChannels.Remove(userId), cancellationToken);
}
