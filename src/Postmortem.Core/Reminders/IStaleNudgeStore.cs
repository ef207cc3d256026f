using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Reminders;

/// <summary>
/// Stale drafts and the nudges they got: one nudge per draft per period of inactivity, identified by the draft's
/// <see cref="Postmortem.UpdatedAt"/> when it was nudged (new activity starts a new period).
/// </summary>
public interface IStaleNudgeStore
{
    /// <summary>
    /// Drafts (status Draft, in every guild) whose last change is before <paramref name="updatedBefore"/> and that
    /// were not nudged for that last change, oldest change first (ties: lower id first). <see cref="StaleDraft.UpdatedAt"/>
    /// equals the postmortem's <see cref="Postmortem.UpdatedAt"/> to the tick.
    /// </summary>
    Task<IReadOnlyList<StaleDraft>> ListStaleDraftsAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default);

    /// <summary>Records a nudge for the period that began at <paramref name="activityAt"/>; false when it was already recorded.</summary>
    Task<bool> RecordStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>Whether a nudge was recorded for that postmortem and period.</summary>
    Task<bool> HasStaleNudgeAsync(PostmortemId postmortemId, DateTimeOffset activityAt, CancellationToken cancellationToken = default);
}
