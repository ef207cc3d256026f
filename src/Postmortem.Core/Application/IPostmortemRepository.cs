using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Application;

/// <summary>
/// Where postmortems live. Implementations persist <see cref="Postmortem.ToState"/> faithfully and rebuild
/// with <see cref="Postmortem.FromState"/> (with the stored id and version).
/// </summary>
public interface IPostmortemRepository
{
    /// <summary>Stores a new draft as version 1 and returns the id assigned to it.</summary>
    Task<PostmortemId> CreateAsync(Postmortem draft, CancellationToken cancellationToken = default);

    /// <summary>Loads a postmortem with its current <see cref="Postmortem.Version"/>, or null when unknown.</summary>
    Task<Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the postmortem if the stored version still equals <paramref name="expectedVersion"/>; the stored
    /// version then becomes <paramref name="expectedVersion"/> + 1. Otherwise throws
    /// <see cref="ConcurrencyException"/> and writes nothing.
    /// </summary>
    Task SaveAsync(Postmortem postmortem, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Postmortems of one guild for pickers and autocomplete, most recently updated first.
    /// <paramref name="search"/> (optional) matches titles case-insensitively.
    /// </summary>
    Task<IReadOnlyList<PostmortemSummary>> ListAsync(
        string guildId,
        string? search = null,
        int limit = 25,
        CancellationToken cancellationToken = default);

    /// <summary>The postmortem discussed in a chat thread, or null.</summary>
    Task<Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default);
}
