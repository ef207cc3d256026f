using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Core.Templates;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Stale;

/// <summary>
/// Nudges drafts that had no activity for the guild's <c>StaleAfterDays</c>: one message in the thread listing
/// what is missing, once per period of inactivity (new activity followed by a new quiet spell earns another).
/// </summary>
public sealed partial class StaleDraftSweep(
    IStaleNudgeStore nudges,
    IScheduledRunStore runs,
    IPostmortemRepository postmortems,
    GuildReminderSettings settings,
    IReminderSender sender,
    TimeProvider time,
    ILogger<StaleDraftSweep> logger,
    ITemplateCatalog? templates = null,
    LintOptions? lintOptions = null)
{
    /// <summary>Runs the sweep for <paramref name="slot"/> (once per slot); returns how many drafts were nudged.</summary>
    public async Task<int> RunAsync(DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        if (await runs.HasRunAsync(ReminderJobKeys.StaleRunKey, slot, cancellationToken))
        {
            return 0;
        }

        var nudged = await NudgeAsync(cancellationToken);
        await runs.RecordAsync(ReminderJobKeys.StaleRunKey, slot, time.GetUtcNow(), cancellationToken);
        return nudged;
    }

    /// <summary>Nudges every stale draft that was not nudged for its current quiet spell.</summary>
    public async Task<int> NudgeAsync(CancellationToken cancellationToken = default)
    {
        await settings.LoadAsync(cancellationToken);
        var thresholds = settings.Stored.Values.Append(settings.Defaults).Select(s => s.StaleAfterDays).Where(d => d > 0).ToList();
        if (thresholds.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var nudged = 0;
        foreach (var draft in await nudges.ListStaleDraftsAsync(now.AddDays(-thresholds.Min()), cancellationToken))
        {
            var days = settings.For(draft.GuildId).StaleAfterDays;
            if (days <= 0 || draft.UpdatedAt > now.AddDays(-days))
            {
                continue;
            }

            var postmortem = await postmortems.GetAsync(draft.PostmortemId, cancellationToken);
            if (postmortem is null || postmortem.Status != PostmortemStatus.Draft || postmortem.UpdatedAt != draft.UpdatedAt)
            {
                continue; // changed since the query; the next sweep sees its new state
            }

            var catalog = templates ?? BuiltInTemplates.Catalog;
            var template = catalog.Find(postmortem.TemplateId) ?? catalog.Default;
            var quietDays = (int)(now - draft.UpdatedAt).TotalDays;
            var text = StaleNudgeText.Build(postmortem, quietDays, Facilitator.Progress(postmortem, template, lintOptions));
            var outcome = await sender.PostAsync(
                new ChannelPost(postmortem.ThreadId ?? postmortem.ChannelId, text, ReminderMessage.NonceFor(postmortem.Id, 0, draft.UpdatedAt)),
                cancellationToken);
            if (outcome is Refused refused)
            {
                LogRefused(logger, postmortem.Id.Value, refused.Reason);
            }

            await nudges.RecordStaleNudgeAsync(postmortem.Id, draft.UpdatedAt, now, cancellationToken);
            nudged++;
        }

        return nudged;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stale-draft nudge for postmortem {PostmortemId} could not be posted: {Reason}")]
    private static partial void LogRefused(ILogger logger, long postmortemId, string reason);
}
