using System.Globalization;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.Reminders.Meetings;
using Postmortem.Reminders.Settings;

namespace Postmortem.DiscordBot.Reminders;

/// <summary>
/// <c>/postmortem meetings day time [remind-before] [id]</c> schedules weekly review meetings (in the server's
/// time zone; the thread gets the open findings as the agenda before each one, until the postmortem is final);
/// <c>/postmortem meetings cancel:true</c> stops them. Facilitator only.
/// </summary>
public sealed class MeetingsCommand(PostmortemAccess access, ReviewMeetings meetings, GuildReminderSettings settings, TimeProvider clock)
    : SlashCommandHandler
{
    public const string DayOption = "day";
    public const string TimeOption = "time";
    public const string LeadOption = "remind-before";
    public const string CancelOption = "cancel";

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
            var cancelled = await meetings.CancelAsync(postmortem.Id, guildId, context.Actor, cancellationToken);
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
        var next = TimeZoneInfo.ConvertTime(meeting.At.NextAfter(clock.GetUtcNow(), zone), zone);
        await context.ReplyAsync(
            new MessagePayload
            {
                Content = $"📅 Review meetings every {meeting.At.Day} at {meeting.At.Time:HH:mm} ({zone.Id}), next on "
                    + $"{next:dddd d MMMM}. The agenda (the open findings) comes {meeting.Lead.TotalMinutes:0} minutes before each one, "
                    + "until the postmortem is final.",
                AllowedMentions = AllowedMentions.None,
            },
            cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);
}
