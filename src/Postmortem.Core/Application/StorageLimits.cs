namespace Postmortem.Core.Application;

/// <summary>
/// The page sizes every storage adapter accepts, so callers and adapters agree: a larger request is a
/// programmer error (<see cref="ArgumentOutOfRangeException"/>), except <see cref="MaxPostmortemList"/>,
/// which caps the list silently (pickers ask for "as many as fit").
/// </summary>
public static class StorageLimits
{
    /// <summary>The most summaries <see cref="IPostmortemRepository.ListAsync"/> returns, whatever the limit asked.</summary>
    public const int MaxPostmortemList = 100;

    /// <summary>The largest page of <see cref="Actions.IActionItemQueries.ListOpenWithDueAsync"/>.</summary>
    public const int MaxActionItemPage = 500;

    /// <summary>The largest page of <see cref="Reminders.IReminderScheduleStore.ListDueAsync"/>.</summary>
    public const int MaxDuePage = 1000;
}
