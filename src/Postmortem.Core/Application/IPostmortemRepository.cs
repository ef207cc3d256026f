using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Application;

/// <summary>
/// Where postmortems live. Implementations persist <see cref="Postmortem.ToState"/> faithfully (every instant to
/// the tick) and rebuild with <see cref="Postmortem.FromState"/> with the stored id and version. Beside each
/// postmortem they keep its action-item projection (<see cref="Actions.ActionItemProjection.RowsOf"/>, read through
/// <see cref="Actions.IActionItemQueries"/>) and feed the reminder change queue
/// (<see cref="Reminders.IReminderScheduleStore"/>), both in the transaction that writes the postmortem.
/// Environment failures throw <see cref="StorageException"/>; nothing is half-written.
/// </summary>
public interface IPostmortemRepository
{
    /// <summary>
    /// Stores a new draft (its <see cref="Postmortem.Id"/> must be unassigned, else <see cref="ArgumentException"/>)
    /// as version 1 and returns the id assigned to it: positive, never reused, larger than every id this store
    /// assigned before. In the same transaction it writes the draft's action-item projection and queues every
    /// projected item for the reminders.
    /// </summary>
    Task<PostmortemId> CreateAsync(Postmortem draft, CancellationToken cancellationToken = default);

    /// <summary>Loads a postmortem with its current <see cref="Postmortem.Version"/>, or null when the id is unknown.</summary>
    Task<Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes, in ONE transaction, only if the stored version still equals <see cref="PostmortemSave.ExpectedVersion"/>:
    /// the postmortem (its stored version becomes expected + 1), its action-item projection, and a reminder change
    /// queue entry for every projected item that was added, removed (retracted, or hidden under a retracted
    /// parent), or whose owner, due date or status changed (<see cref="Actions.ActionItemProjection.Compare"/>);
    /// plus everything else <paramref name="save"/> carries. Either all of it is stored or none of it: no save is
    /// ever missed by the reminders. A projected row's <see cref="Actions.ActionItemView.UpdatedAt"/> becomes the
    /// postmortem's <see cref="Postmortem.UpdatedAt"/> only when that row changed.
    /// </summary>
    /// <exception cref="ConcurrencyException">
    /// The stored version is not the expected one (someone saved first), or the postmortem does not exist in this
    /// store. Nothing was written; <see cref="PostmortemService"/> reloads and re-applies the command.
    /// </exception>
    /// <exception cref="ArgumentException">The postmortem was never created (its id is unassigned).</exception>
    Task SaveAsync(PostmortemSave save, CancellationToken cancellationToken = default);

    /// <summary>
    /// Postmortems of one guild (never another's) for pickers and autocomplete, most recently updated first (ties:
    /// higher id first), at most <paramref name="limit"/> (1 or more) and never more than
    /// <see cref="StorageLimits.MaxPostmortemList"/>. <paramref name="search"/>, when not blank, keeps titles that
    /// contain it (trimmed) ignoring case (invariant lower-casing).
    /// </summary>
    Task<IReadOnlyList<PostmortemSummary>> ListAsync(
        string guildId,
        string? search = null,
        int limit = 25,
        CancellationToken cancellationToken = default);

    /// <summary>The postmortem discussed in a chat thread (the newest, by id, if several claim it), or null.</summary>
    Task<Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default);
}

/// <summary>Shorthands over <see cref="IPostmortemRepository"/>.</summary>
public static class PostmortemRepositoryExtensions
{
    /// <summary>Saves the postmortem alone (see <see cref="IPostmortemRepository.SaveAsync"/>).</summary>
    public static Task SaveAsync(
        this IPostmortemRepository repository,
        Postmortem postmortem,
        long expectedVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.SaveAsync(new PostmortemSave(postmortem, expectedVersion), cancellationToken);
    }
}
