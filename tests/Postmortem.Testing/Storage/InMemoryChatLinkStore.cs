using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;

namespace Postmortem.Testing.Storage;

/// <summary>The in-memory <see cref="IChatLinkStore"/>.</summary>
public sealed class InMemoryChatLinkStore(InMemoryStorage storage) : IChatLinkStore
{
    public Task<ChatLink?> GetAsync(PostmortemId postmortemId, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return storage.RunAsync(() => storage.ChatLinks.GetValueOrDefault((postmortemId.Value, kind)), cancellationToken);
    }

    public Task<PostmortemId?> FindPostmortemAsync(string kind, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return storage.RunAsync(
            () =>
            {
                var ids = storage.ChatLinks.Where(l => l.Key.Kind == kind && l.Value.ChannelId == channelId).Select(l => l.Key.PostmortemId).ToList();
                return ids.Count == 0 ? (PostmortemId?)null : new PostmortemId(ids.Min());
            },
            cancellationToken);
    }

    public Task SetAsync(PostmortemId postmortemId, string kind, ChatLink link, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(link);
        return storage.RunAsync(() => storage.ChatLinks[(postmortemId.Value, kind)] = link, cancellationToken);
    }
}
