using Postmortem.Core.Reminders;

namespace Postmortem.Reminders.Delivery;

/// <summary>
/// Sends reminders. Returns <see cref="Delivered"/> or, when the chat service refused for good, <see cref="Refused"/>;
/// throws when it could not be reached (the delivery is then retried later with backoff).
/// </summary>
public interface IReminderSender
{
    /// <summary>An action-item reminder: a DM to the owner, or the postmortem's thread when the owner takes no DMs.</summary>
    Task<SendOutcome> SendReminderAsync(ReminderMessage message, CancellationToken cancellationToken = default);

    /// <summary>A plain message in a channel or thread (digests, meeting agendas, stale nudges); pings nobody.</summary>
    Task<SendOutcome> PostAsync(ChannelPost post, CancellationToken cancellationToken = default);
}

/// <summary>Markdown text for a channel; <see cref="Nonce"/> makes a resend of the same post recognisable.</summary>
public sealed record ChannelPost(string ChannelId, string Content, string? Nonce = null);

/// <summary>What became of a send.</summary>
public abstract record SendOutcome;

public sealed record Delivered(DeliveryChannel Channel, string ChannelId, string MessageId) : SendOutcome;

/// <summary>The chat service said no for good (not a rate limit or an outage): retrying would not help.</summary>
public sealed record Refused(string Reason) : SendOutcome;
