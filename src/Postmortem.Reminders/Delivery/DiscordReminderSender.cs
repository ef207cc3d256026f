using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Reminders.Delivery;

/// <summary>
/// Delivers through our Discord REST client, whose rate limiting paces everything (50 requests/s global).
/// A reminder is one request with a known DM channel. Error 50007 (the owner takes no DMs) falls back to the
/// postmortem's thread, mentioning only the owner; other 4xx answers are refusals (not retried); 5xx and network
/// failures, which the client already retried, propagate so the delivery is tried again later.
/// </summary>
public sealed partial class DiscordReminderSender(
    IDiscordRestClient rest,
    DmChannelCache dms,
    IOptions<ReminderOptions> options,
    ILogger<DiscordReminderSender> logger) : IReminderSender
{
    public async Task<SendOutcome> SendReminderAsync(ReminderMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var linkBase = options.Value.ChannelLinkBase;
        if (!Snowflake.TryParse(message.Owner.Id, out var ownerId))
        {
            return new Refused($"The owner id '{message.Owner.Id}' is not a Discord user id.");
        }

        try
        {
            return await SendDmAsync(ownerId, ReminderContent.Reminder(message, linkBase, inThread: false), cancellationToken);
        }
        catch (DiscordHttpException exception) when (exception.Code == DiscordErrorCodes.CannotDmUser)
        {
            LogDmRefused(logger, message.PostmortemId.Value, message.Label);
        }
        catch (DiscordHttpException exception) when (IsRefusal(exception))
        {
            return new Refused(exception.Message);
        }

        return await PostAsync(message.DiscussionChannelId, ReminderContent.Reminder(message, linkBase, inThread: true), DeliveryChannel.Thread, cancellationToken);
    }

    public Task<SendOutcome> PostAsync(ChannelPost post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        return PostAsync(post.ChannelId, ReminderContent.Post(post), DeliveryChannel.Thread, cancellationToken);
    }

    private async Task<SendOutcome> SendDmAsync(Snowflake ownerId, MessagePayload payload, CancellationToken cancellationToken)
    {
        var cached = await dms.FindAsync(ownerId, cancellationToken) is not null;
        var channel = await dms.GetOrOpenAsync(ownerId, cancellationToken);
        try
        {
            var sent = await rest.CreateMessageAsync(channel, payload, cancellationToken);
            return new Delivered(DeliveryChannel.Dm, channel.ToString(), sent.Id.ToString());
        }
        catch (DiscordHttpException exception) when (cached && exception.Code == DiscordErrorCodes.UnknownChannel)
        {
            // A remembered DM channel Discord forgot: open it again once.
            await dms.ForgetAsync(ownerId, cancellationToken);
            channel = await dms.GetOrOpenAsync(ownerId, cancellationToken);
            var sent = await rest.CreateMessageAsync(channel, payload, cancellationToken);
            return new Delivered(DeliveryChannel.Dm, channel.ToString(), sent.Id.ToString());
        }
    }

    private async Task<SendOutcome> PostAsync(string channelId, MessagePayload payload, DeliveryChannel kind, CancellationToken cancellationToken)
    {
        if (!Snowflake.TryParse(channelId, out var channel))
        {
            return new Refused($"The channel id '{channelId}' is not a Discord id.");
        }

        try
        {
            var sent = await rest.CreateMessageAsync(channel, payload, cancellationToken);
            return new Delivered(kind, channelId, sent.Id.ToString());
        }
        catch (DiscordHttpException exception) when (IsRefusal(exception))
        {
            LogRefused(logger, channelId, exception.Message);
            return new Refused(exception.Message);
        }
    }

    // 4xx except 429 (the client handles rate limits; one that still surfaces is worth another try later).
    private static bool IsRefusal(DiscordHttpException exception) =>
        (int)exception.StatusCode is >= 400 and < 500 && exception.StatusCode != HttpStatusCode.TooManyRequests;

    [LoggerMessage(Level = LogLevel.Information, Message = "Owner of action item {Label} in postmortem {PostmortemId} takes no DMs (50007); reminding in the thread")]
    private static partial void LogDmRefused(ILogger logger, long postmortemId, string label);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused a reminder post in channel {ChannelId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string channelId, string reason);
}
