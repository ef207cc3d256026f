using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Core.Templates;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Meetings;

/// <summary>
/// Weekly review meetings of a postmortem: a facilitator schedules or cancels them; before each one the thread
/// gets the current linter findings as the agenda, until the postmortem is final.
/// </summary>
public sealed partial class ReviewMeetings(
    IReviewMeetingStore meetings,
    IScheduledRunStore runs,
    IPostmortemRepository postmortems,
    RecurringReminderSchedules schedules,
    GuildReminderSettings settings,
    IReminderSender sender,
    TimeProvider time,
    ILogger<ReviewMeetings> logger,
    ITemplateCatalog? templates = null,
    LintOptions? lintOptions = null)
{
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(2);

    /// <summary>Schedules a weekly meeting; only the facilitator may, and not once the postmortem is final.</summary>
    public async Task<ScheduleMeetingResult> ScheduleAsync(
        PostmortemId postmortemId,
        string guildId,
        UserRef actor,
        WeeklyTime at,
        TimeSpan lead,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var postmortem = await postmortems.GetAsync(postmortemId, cancellationToken);
        if (postmortem is null || !postmortem.BelongsTo(guildId))
        {
            return new ScheduleMeetingResult(null, UserError.NotFound($"Postmortem {postmortemId} does not exist here."));
        }

        if (!postmortem.IsFacilitator(actor))
        {
            return new ScheduleMeetingResult(null, UserError.FacilitatorOnly("schedule review meetings"));
        }

        if (postmortem.IsReadOnly)
        {
            return new ScheduleMeetingResult(null, UserError.ReadOnly());
        }

        if (lead < TimeSpan.Zero || lead > MaxLead)
        {
            return new ScheduleMeetingResult(null, UserError.Invalid("Remind between 0 minutes and 2 days before the meeting."));
        }

        await settings.LoadAsync(cancellationToken);
        var meeting = await meetings.AddAsync(postmortemId, guildId, at, lead, actor.Id, time.GetUtcNow(), cancellationToken);
        await schedules.ScheduleMeetingAsync(meeting, cancellationToken);
        return new ScheduleMeetingResult(meeting, null);
    }

    /// <summary>Cancels every meeting series of a postmortem (facilitator only); returns how many were active.</summary>
    public async Task<CancelMeetingsResult> CancelAsync(PostmortemId postmortemId, string guildId, UserRef actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var postmortem = await postmortems.GetAsync(postmortemId, cancellationToken);
        if (postmortem is null || !postmortem.BelongsTo(guildId))
        {
            return new CancelMeetingsResult(0, UserError.NotFound($"Postmortem {postmortemId} does not exist here."));
        }

        if (!postmortem.IsFacilitator(actor))
        {
            return new CancelMeetingsResult(0, UserError.FacilitatorOnly("cancel review meetings"));
        }

        var ended = 0;
        foreach (var meeting in await meetings.ListActiveAsync(postmortemId, cancellationToken))
        {
            await EndAsync(meeting.Id, cancellationToken);
            ended++;
        }

        return new CancelMeetingsResult(ended, null);
    }

    /// <summary>
    /// Posts the agenda for the meeting following <paramref name="slot"/>, once per slot; ends the series instead
    /// when the postmortem is final or gone. True when an agenda was posted.
    /// </summary>
    public async Task<bool> RunAsync(long meetingId, DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        var runKey = ReminderJobKeys.MeetingRunKey(meetingId);
        var meeting = await meetings.GetAsync(meetingId, cancellationToken);
        if (meeting is null || meeting.EndedAt is not null)
        {
            await schedules.UnscheduleMeetingAsync(meetingId, cancellationToken);
            return false;
        }

        if (await runs.HasRunAsync(runKey, slot, cancellationToken))
        {
            return false;
        }

        var postmortem = await postmortems.GetAsync(meeting.PostmortemId, cancellationToken);
        if (postmortem is null || postmortem.Status == PostmortemStatus.Final)
        {
            await EndAsync(meetingId, cancellationToken);
            return false;
        }

        await settings.LoadAsync(cancellationToken);
        var zone = settings.For(meeting.GuildId).TimeZone;
        var catalog = templates ?? BuiltInTemplates.Catalog;
        var template = catalog.Find(postmortem.TemplateId) ?? catalog.Default;
        var findings = Linter.Lint(postmortem, template, lintOptions);
        var text = MeetingAgenda.Build(postmortem, meeting.At.NextAfter(slot, zone), zone, findings);
        var outcome = await sender.PostAsync(
            new ChannelPost(postmortem.ThreadId ?? postmortem.ChannelId, text, ReminderMessage.NonceFor(postmortem.Id, -(int)meetingId, slot)),
            cancellationToken);
        if (outcome is Refused refused)
        {
            LogRefused(logger, meetingId, refused.Reason);
        }

        await runs.RecordAsync(runKey, slot, time.GetUtcNow(), cancellationToken);
        return outcome is Delivered;
    }

    private async Task EndAsync(long meetingId, CancellationToken cancellationToken)
    {
        await meetings.EndAsync(meetingId, time.GetUtcNow(), cancellationToken);
        await schedules.UnscheduleMeetingAsync(meetingId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agenda of review meeting {MeetingId} could not be posted: {Reason}")]
    private static partial void LogRefused(ILogger logger, long meetingId, string reason);
}

/// <summary>The scheduled meeting, or why it was not scheduled.</summary>
public sealed record ScheduleMeetingResult(ReviewMeeting? Meeting, UserError? Error);

/// <summary>How many meeting series were cancelled, or why none were.</summary>
public sealed record CancelMeetingsResult(int Cancelled, UserError? Error);
