using System.Globalization;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.Reminders.Meetings;
using Postmortem.Reminders.Settings;

namespace Postmortem.DiscordBot.Reminders;

/// <summary>
/// <c>/postmortem meetings day time [remind-before] [channel|location] [id]</c> schedules weekly review meetings (in
/// the server's time zone; the thread gets the open findings as the agenda before each one, until the postmortem is
/// final) and puts them on the server's calendar as a weekly scheduled event (<see cref="ReviewMeetingEvents"/>);
/// <c>/postmortem meetings cancel:true</c> stops both. Facilitator only.
/// </summary>
public sealed class MeetingsCommand(
    PostmortemAccess access,
    ReviewMeetings meetings,
    ReviewMeetingEvents events,
    IReviewMeetingStore store,
    GuildReminderSettings settings,
    TimeProvider clock) : SlashCommandHandler
{
    public const string DayOption = "day";
    public const string TimeOption = "time";
    public const string LeadOption = "remind-before";
    public const string CancelOption = "cancel";
    public const string ChannelOption = "channel";
    public const string LocationOption = "location";
    public const string NoPermission = "The meetings are not on the server's calendar: I need the **Create Events** permission for that.";

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "meetings",
        "Weekly review meetings: the thread gets the agenda before each one",
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Integer,
            Name = DayOption,
            Description = "Day of the week",
            Choices = [.. Enum.GetValues<DayOfWeek>().Select(d => ApplicationCommandChoice.Create(d.ToString(), (long)d))],
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = TimeOption,
            Description = "Local time of the meeting, e.g. 15:00",
            MaxLength = 5,
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Integer,
            Name = LeadOption,
            Description = "Minutes before the meeting to post the agenda (default 60)",
            MinValue = 0,
            MaxValue = 2880,
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Boolean,
            Name = CancelOption,
            Description = "Stop the review meetings of this postmortem",
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Channel,
            Name = ChannelOption,
            Description = "The voice or stage channel the meeting is held in",
            ChannelTypes = [ChannelType.GuildVoice, ChannelType.GuildStageVoice],
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = LocationOption,
            Description = "Elsewhere: a room or a call link (default: the postmortem's thread)",
            MaxLength = 100,
        },
        PostmortemCommand.PostmortemIdOption);

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var guildId = postmortem.GuildId;
        if (context.Data.GetBoolean(CancelOption) == true)
        {
            var series = await store.ListActiveAsync(postmortem.Id, cancellationToken);
            var cancelled = await meetings.CancelAsync(postmortem.Id, guildId, context.Actor, cancellationToken);
            if (cancelled.Error is null && series.Any(m => m.ScheduledEventId is not null))
            {
                await context.DeferAsync(ephemeral: true, cancellationToken);
                await events.CancelAsync(guildId, series, cancellationToken);
                await context.EditOriginalAsync(new MessagePayload { Content = "Review meetings cancelled, and their calendar event too." }, cancellationToken);
                return;
            }

            await context.ReplyEphemeralAsync(
                cancelled.Error?.Message ?? (cancelled.Cancelled == 0 ? "There were no review meetings to cancel." : "Review meetings cancelled."),
                cancellationToken: cancellationToken);
            return;
        }

        if (context.Data.GetInt64(DayOption) is not { } day || day is < 0 or > 6
            || !TimeOnly.TryParseExact(context.Data.GetString(TimeOption), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            await context.FailAsync("Give the day and the time of the meeting, e.g. day: Thursday, time: 15:00.", cancellationToken);
            return;
        }

        var lead = TimeSpan.FromMinutes(context.Data.GetInt64(LeadOption) ?? 60);
        var result = await meetings.ScheduleAsync(postmortem.Id, guildId, context.Actor, new WeeklyTime((DayOfWeek)day, time), lead, cancellationToken);
        if (result.Meeting is not { } meeting)
        {
            await context.FailAsync(result.Error?.Message ?? "The meetings were not scheduled.", cancellationToken);
            return;
        }

        var zone = settings.For(guildId).TimeZone;
        var start = meeting.At.NextAfter(clock.GetUtcNow(), zone);
        var next = TimeZoneInfo.ConvertTime(start, zone);
        // Creating the calendar event is a Discord call: answer first, then tell how it went.
        await context.DeferAsync(ephemeral: false, cancellationToken);
        var calendar = await CalendarAsync(context, postmortem, meeting, start, cancellationToken);
        await context.EditOriginalAsync(
            new MessagePayload
            {
                Content = $"📅 Review meetings every {meeting.At.Day} at {meeting.At.Time:HH:mm} ({zone.Id}), next on "
                    + $"{next:dddd d MMMM}. The agenda (the open findings) comes {meeting.Lead.TotalMinutes:0} minutes before each one, "
                    + "until the postmortem is final.\n" + calendar,
                AllowedMentions = AllowedMentions.None,
            },
            cancellationToken);
    }

    private async Task<string> CalendarAsync(
        InteractionContext context, Core.Postmortem postmortem, ReviewMeeting meeting, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var channel = context.Data.GetChannel(ChannelOption);
        var location = context.Data.GetString(LocationOption) is { Length: > 0 } typed
            ? typed.Trim()
            : $"https://discord.com/channels/{postmortem.GuildId}/{postmortem.ThreadId ?? postmortem.ChannelId}";
        // Asking without the permission would only be refused (and count as an invalid request).
        if (context.Interaction.AppPermissions is { } granted && (granted & (Permissions.CreateEvents | Permissions.ManageEvents)) == 0)
        {
            return NoPermission;
        }

        try
        {
            var created = await events.CreateAsync(postmortem, meeting, start, new ReviewMeetingEvents.Place(channel, location), cancellationToken);
            return $"🗓️ On the server's calendar as a weekly event (<https://discord.com/events/{postmortem.GuildId}/{created.Id}>), "
                + "its description the current agenda.";
        }
        catch (DiscordHttpException ex) when (ex.Code == DiscordErrorCodes.MissingPermissions)
        {
            return NoPermission;
        }
        catch (DiscordHttpException ex)
        {
            return $"The meetings are not on the server's calendar: Discord refused the event ({ex.DiscordMessage ?? ex.StatusCode.ToString()}).";
        }
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);
}
