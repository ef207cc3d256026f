using System.Collections.Concurrent;
using Postmortem.Core.Application;
using Postmortem.Core.Linting;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Messages;
using Postmortem.Reminders.Digest;

namespace Postmortem.DiscordBot.Reminders;

/// <summary>
/// Review meetings on the server's calendar: one weekly Discord scheduled event per meeting series, in a voice or
/// stage channel or at an external location (which Discord requires an end time for), whose description is the
/// current agenda (the open findings) and follows every change; cancelled once the postmortem is final or the
/// meetings are. The thread reminder before each meeting stays as it is.
/// </summary>
public sealed class ReviewMeetingEvents(
    IReviewMeetingStore meetings,
    IDiscordRestClient rest,
    PostmortemService service,
    LintOptions lintOptions) : IPostmortemFollower
{
    public const int MaxDescription = 1000;
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    // What each event's description last was, so an unchanged agenda costs no request (a restart re-sends once).
    private readonly ConcurrentDictionary<string, string> _sent = new(StringComparer.Ordinal);

    /// <summary>Where the meeting takes place: a voice or stage channel, else a location (a link or a room).</summary>
    public sealed record Place(Channel? Channel, string Location);

    /// <summary>Creates the series' event starting at its next meeting and remembers it; throws what Discord refused.</summary>
    public async Task<GuildScheduledEvent> CreateAsync(
        Core.Postmortem postmortem, ReviewMeeting meeting, DateTimeOffset start, Place place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(place);
        var description = Agenda(postmortem);
        var type = place.Channel?.Type switch
        {
            ChannelType.GuildStageVoice => ScheduledEventEntityType.StageInstance,
            ChannelType.GuildVoice => ScheduledEventEntityType.Voice,
            _ => ScheduledEventEntityType.External,
        };
        var created = await rest.CreateGuildScheduledEventAsync(
            Snowflake.Parse(postmortem.GuildId),
            new GuildScheduledEventCreateRequest
            {
                Name = DiscordMarkdown.Truncate($"Postmortem review: {postmortem.Title}", 100),
                Description = description,
                ScheduledStartTime = start.UtcDateTime,
                ScheduledEndTime = (start + Length).UtcDateTime,
                EntityType = type,
                ChannelId = type == ScheduledEventEntityType.External ? null : place.Channel!.Id,
                EntityMetadata = type == ScheduledEventEntityType.External ? new ScheduledEventEntityMetadata(DiscordMarkdown.Truncate(place.Location, 100)) : null,
                RecurrenceRule = RecurrenceRule.WeeklyFrom(start),
            },
            cancellationToken);
        var id = created.Id.ToString();
        await meetings.SetScheduledEventAsync(meeting.Id, id, cancellationToken);
        _sent[id] = description;
        return created;
    }

    /// <summary>After every change: a new agenda goes into the description; a final postmortem's events are cancelled.</summary>
    public async Task FollowAsync(Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var withEvents = (await meetings.ListActiveAsync(postmortem.Id, cancellationToken)).Where(m => m.ScheduledEventId is not null).ToList();
        if (withEvents.Count == 0)
        {
            return;
        }

        if (postmortem.IsReadOnly)
        {
            await CancelAsync(postmortem.GuildId, withEvents, cancellationToken);
            return;
        }

        var description = Agenda(postmortem);
        foreach (var meeting in withEvents)
        {
            var id = meeting.ScheduledEventId!;
            if (_sent.TryGetValue(id, out var last) && last == description)
            {
                continue;
            }

            await rest.ModifyGuildScheduledEventAsync(
                Snowflake.Parse(postmortem.GuildId), Snowflake.Parse(id), new GuildScheduledEventModifyRequest { Description = description }, cancellationToken);
            _sent[id] = description;
        }
    }

    /// <summary>Cancels the events of these series (status Canceled) and forgets them, so nothing cancels them twice.</summary>
    public async Task CancelAsync(string guildId, IReadOnlyList<ReviewMeeting> series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var meeting in series.Where(m => m.ScheduledEventId is not null))
        {
            try
            {
                await rest.ModifyGuildScheduledEventAsync(
                    Snowflake.Parse(guildId), Snowflake.Parse(meeting.ScheduledEventId!), new GuildScheduledEventModifyRequest { Status = ScheduledEventStatus.Canceled }, cancellationToken);
            }
            catch (DiscordHttpException ex) when (ex.Code == DiscordErrorCodes.UnknownScheduledEvent)
            {
                // Someone deleted it by hand: nothing left to cancel.
            }

            await meetings.SetScheduledEventAsync(meeting.Id, null, cancellationToken);
            _sent.TryRemove(meeting.ScheduledEventId!, out _);
        }
    }

    /// <summary>The event's description: what the meeting is for and the open findings, whole lines within Discord's 1000 characters.</summary>
    public string Agenda(Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var findings = Linter.Lint(postmortem, service.TemplateFor(postmortem), lintOptions);
        var lines = new List<string> { $"Weekly review of postmortem #{postmortem.Id} \"{postmortem.Title}\"; the document lives in its thread." };
        lines.Add(findings.Count == 0
            ? "Agenda: no open findings; decide whether it is ready to be final."
            : $"Agenda ({findings.Count} open finding{(findings.Count == 1 ? "" : "s")}):");
        lines.AddRange(findings.Select((f, i) => $"{i + 1}. {(f.Target is { } target ? $"[{target}] " : "")}{f.Message}"));
        return DigestText.Fit(lines, MaxDescription);
    }
}
