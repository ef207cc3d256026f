using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Core.Actions;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Digest;

/// <summary>Posts a guild's weekly digest of overdue and due-soon items in its reminder channel, once per slot.</summary>
public sealed partial class WeeklyDigestRunner(
    IActionItemQueries queries,
    IScheduledRunStore runs,
    GuildReminderSettings settings,
    IReminderSender sender,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<WeeklyDigestRunner> logger)
{
    /// <summary>Posts the digest for <paramref name="slot"/>; false when it had already gone out or there is nowhere to post.</summary>
    public async Task<bool> RunAsync(string guildId, DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        var runKey = ReminderJobKeys.DigestRunKey(guildId);
        await settings.LoadAsync(cancellationToken);
        var rules = settings.For(guildId);
        if (rules.ReminderChannelId is not { } channel || await runs.HasRunAsync(runKey, slot, cancellationToken))
        {
            return false;
        }

        var today = ZonedTime.LocalDate(slot, rules.TimeZone);
        var items = await queries.ListOpenAsync(guildId, dueBefore: today.AddDays(DigestText.DueSoonDays + 1), cancellationToken: cancellationToken);
        var text = DigestText.Build(items, today, options.Value.ChannelLinkBase);
        if (text is not null)
        {
            var outcome = await sender.PostAsync(new ChannelPost(channel, text, ReminderMessage.NonceFor(default, 0, slot)), cancellationToken);
            if (outcome is Refused refused)
            {
                LogRefused(logger, guildId, channel, refused.Reason);
            }
        }

        await runs.RecordAsync(runKey, slot, time.GetUtcNow(), cancellationToken);
        return text is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The weekly digest of guild {GuildId} could not be posted in channel {ChannelId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string guildId, string channelId, string reason);
}
