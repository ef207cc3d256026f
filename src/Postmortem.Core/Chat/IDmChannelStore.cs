namespace Postmortem.Core.Chat;

/// <summary>Known direct-message channel ids per user, so a reminder needs no "open DM" request, also after a restart.</summary>
public interface IDmChannelStore
{
    /// <summary>Every known user id and its DM channel id.</summary>
    Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets (or replaces) a user's DM channel.</summary>
    Task SaveAsync(string userId, string channelId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Forgets a user's DM channel (a no-op when none is known).</summary>
    Task ForgetAsync(string userId, CancellationToken cancellationToken = default);
}
