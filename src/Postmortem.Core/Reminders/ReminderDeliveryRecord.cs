namespace Postmortem.Core.Reminders;

/// <summary>Where a reminder went.</summary>
public enum DeliveryChannel
{
    /// <summary>A direct message to the owner.</summary>
    Dm,

    /// <summary>The postmortem's thread, mentioning the owner (the owner does not accept DMs).</summary>
    Thread,

    /// <summary>The chat service refused it for good; recorded so it is not retried.</summary>
    Failed,
}

/// <summary>One entry of the delivery log: the slot of one item that was delivered (or permanently failed).</summary>
public sealed record ReminderDeliveryRecord(
    ReminderKey Key,
    DateTimeOffset Slot,
    DateTimeOffset SentAt,
    DeliveryChannel Channel,
    string? ChannelId = null,
    string? MessageId = null,
    string? Error = null);
