using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Chat;

/// <summary>
/// The chat messages a front end keeps up to date for a postmortem, at most one per kind (e.g. "dashboard"),
/// kept so an edit after a restart still finds its message. Kinds and ids compare ordinally.
/// </summary>
public interface IChatLinkStore
{
    /// <summary>The link of <paramref name="kind"/> of a postmortem, or null.</summary>
    Task<ChatLink?> GetAsync(PostmortemId postmortemId, string kind, CancellationToken cancellationToken = default);

    /// <summary>The postmortem (the lowest id, if several) whose link of <paramref name="kind"/> is in <paramref name="channelId"/>, or null.</summary>
    Task<PostmortemId?> FindPostmortemAsync(string kind, string channelId, CancellationToken cancellationToken = default);

    /// <summary>Sets (or replaces) the link of <paramref name="kind"/> of a postmortem.</summary>
    Task SetAsync(PostmortemId postmortemId, string kind, ChatLink link, CancellationToken cancellationToken = default);
}
