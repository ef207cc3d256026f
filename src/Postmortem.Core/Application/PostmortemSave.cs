namespace Postmortem.Core.Application;

/// <summary>
/// Everything one save writes, in one transaction (see <see cref="IPostmortemRepository.SaveAsync"/>): the
/// postmortem if the stored version still equals <see cref="ExpectedVersion"/>, with what the store derives from
/// it (the action-item projection and the reminder change queue). Work owed to the outside world because of this
/// change (issue 9's Discord outbox: the messages a thread, dashboard or DM must show) joins as further members
/// of this record, which every adapter writes in that same transaction; a save therefore never commits without
/// the work it causes, nor the work without the save.
/// </summary>
public sealed record PostmortemSave(Postmortem Postmortem, long ExpectedVersion)
{
    public Postmortem Postmortem { get; } = Postmortem ?? throw new ArgumentNullException(nameof(Postmortem));
}
