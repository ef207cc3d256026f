using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Scheduling;

/// <summary>
/// Delivers one due reminder: re-read the row, work out the slot that is due now (the latest missed one only),
/// send, then record the delivery and advance next_at in one transaction. A crash between the send and the
/// record leaves the row due, so that one reminder is sent again after a restart (at-least-once, never skipped).
/// </summary>
public sealed partial class ReminderDelivery(
    IReminderScheduleStore store,
    IPostmortemRepository postmortems,
    GuildReminderSettings settings,
    IReminderSender sender,
    IReminderWakeup wakeup,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderDelivery> logger)
{
    /// <summary>What happened to one due row.</summary>
    public enum Result
    {
        Sent,
        Refused,
        AlreadySent,
        NothingDue,
        Stale,
        RetryLater,
    }

    public async Task<Result> DeliverAsync(ReminderScheduleRow queued, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var row = await store.GetAsync(queued.Key, cancellationToken);
        if (row is null || row.OwnerId != queued.OwnerId || row.Due != queued.Due)
        {
            return Result.Stale; // the item was closed or rescheduled since the scan; the sync owns it now
        }

        var now = time.GetUtcNow();
        var rules = settings.For(row.GuildId);
        if (ReminderPolicy.Due(row.Track, rules, now) is not { } slot)
        {
            // e.g. snoozed while queued: put next_at where it belongs.
            await store.SetNextAtAsync(row, ReminderPolicy.Next(row.Track, rules)?.At, cancellationToken);
            return Result.NothingDue;
        }

        var next = ReminderPolicy.Next(row.Track with { LastSlotSent = slot.At }, rules)?.At;
        if (await store.HasDeliveryAsync(row.Key, slot.At, cancellationToken))
        {
            await store.RecordDeliveryAsync(new ReminderDeliveryRecord(row.Key, slot.At, now, DeliveryChannel.Dm), row, next, cancellationToken);
            return Result.AlreadySent;
        }

        var postmortem = await postmortems.GetAsync(row.Key.PostmortemId, cancellationToken);
        var item = postmortem?.FindActionItem(row.Key.ItemId);
        if (postmortem is null || item is null || postmortem.IsHidden(item) || item.Status != ActionItemStatus.Open
            || item.Owner?.Id != row.OwnerId || item.Due != row.Due)
        {
            // The projection will catch up (or already has); let the sync decide.
            await store.MarkDirtyAsync(row.Key, cancellationToken);
            return Result.Stale;
        }

        SendOutcome outcome;
        try
        {
            outcome = await sender.SendReminderAsync(ReminderMessage.Create(postmortem, item, slot), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await RetryLaterAsync(row, slot, next, now, exception, cancellationToken);
        }

        var record = outcome switch
        {
            Delivered delivered => new ReminderDeliveryRecord(row.Key, slot.At, now, delivered.Channel, delivered.ChannelId, delivered.MessageId),
            Refused refused => new ReminderDeliveryRecord(row.Key, slot.At, now, DeliveryChannel.Failed, Error: refused.Reason),
            _ => throw new InvalidOperationException($"Unknown send outcome {outcome}."),
        };
        await store.RecordDeliveryAsync(record, row, next, cancellationToken);
        if (next is { } at)
        {
            await wakeup.WakeAtAsync(at, cancellationToken);
        }

        if (outcome is Refused refusal)
        {
            LogRefused(logger, row.Key.ToString(), slot.At, refusal.Reason);
            return Result.Refused;
        }

        return Result.Sent;
    }

    private async Task<Result> RetryLaterAsync(
        ReminderScheduleRow row,
        ReminderSlot slot,
        DateTimeOffset? next,
        DateTimeOffset now,
        Exception exception,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = row.Attempts + 1;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        if (attempts >= settings.MaxAttempts)
        {
            LogGaveUp(logger, exception, row.Key.ToString(), slot.At, attempts);
            await store.RecordDeliveryAsync(new ReminderDeliveryRecord(row.Key, slot.At, now, DeliveryChannel.Failed, Error: error), row, next, cancellationToken);
            return Result.Refused;
        }

        var delay = settings.RetryBaseDelay * Math.Pow(4, attempts - 1);
        var retryAt = now + (delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay);
        LogRetry(logger, exception, row.Key.ToString(), slot.At, attempts, retryAt);
        await store.RecordRetryAsync(row, attempts, retryAt, error, cancellationToken);
        await wakeup.WakeAtAsync(retryAt, cancellationToken);
        return Result.RetryLater;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} for slot {Slot} refused: {Reason}; recorded as failed, not retried")]
    private static partial void LogRefused(ILogger logger, string key, DateTimeOffset slot, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} for slot {Slot} failed (attempt {Attempt}); retrying at {RetryAt}")]
    private static partial void LogRetry(ILogger logger, Exception exception, string key, DateTimeOffset slot, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Key} for slot {Slot} failed {Attempts} times; recorded as failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string key, DateTimeOffset slot, int attempts);
}
