using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Reminders;

/// <summary>One action item of one postmortem: what a reminder schedule row and its deliveries are keyed by.</summary>
public readonly record struct ReminderKey(PostmortemId PostmortemId, int ItemId)
{
    public override string ToString() => $"{PostmortemId}/{ItemId}";
}
