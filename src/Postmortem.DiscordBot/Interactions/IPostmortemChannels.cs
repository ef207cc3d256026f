using Postmortem.Core.Postmortems;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>
/// Threads a feature opened for a postmortem besides its own (e.g. the Five Whys thread), so commands used there
/// find their postmortem without an <c>id</c>. Register implementations in DI; <see cref="PostmortemAccess"/> asks them.
/// </summary>
public interface IPostmortemChannels
{
    /// <summary>The postmortem <paramref name="channelId"/> belongs to, or null when it is none of this feature's.</summary>
    Task<PostmortemId?> FindPostmortemAsync(string channelId, CancellationToken cancellationToken);
}
