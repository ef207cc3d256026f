namespace Postmortem.Storage.Reminders;

/// <summary>Where a reminder went.</summary>
public enum DeliveryChannel
{
    /// <summary>A direct message to the owner.</summary>
    Dm,

    /// <summary>The postmortem's thread, mentioning the owner (the owner does not accept DMs).</summary>
    Thread,

    /// <summary>Discord refused it for good (a 4xx other than 50007); recorded so it is not retried.</summary>
    Failed,
}

/// <summary>A row of <c>reminder_deliveries</c>.</summary>
public sealed record ReminderDeliveryRecord(
    ReminderKey Key,
    DateTimeOffset Slot,
    DateTimeOffset SentAt,
    DeliveryChannel Channel,
    string? ChannelId = null,
    string? MessageId = null,
    string? Error = null);
