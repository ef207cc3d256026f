using System.Globalization;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Settings;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Settings;

namespace Postmortem.DiscordBot.Reminders;

/// <summary>
/// <c>/postmortem reminders</c> (admins): when action-item reminders go out (local time, days before the due
/// date, the overdue interval), the weekly digest's day and time and the stale-draft threshold. The time zone
/// and the digest channel are in <c>/postmortem config</c>. Without options it shows the current rules.
/// </summary>
public sealed class RemindersCommand(ReminderConfiguration configuration, GuildReminderSettings settings) : SlashCommandHandler
{
    public const string TimeOption = "time";
    public const string DaysBeforeOption = "days-before";
    public const string OverdueOption = "overdue-every";
    public const string StaleOption = "stale-after";
    public const string DigestDayOption = "digest-day";
    public const string DigestTimeOption = "digest-time";

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "reminders",
        "When action-item reminders and digests go out (admins only)",
        new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = TimeOption, Description = "Local time reminders go out, e.g. 09:00", MaxLength = 5 },
        new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = DaysBeforeOption, Description = "Days before the due date, e.g. 7,1,0 (0 = on the day)", MaxLength = 40 },
        new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = OverdueOption, Description = "Days between reminders while overdue (0 = none)", MinValue = 0, MaxValue = ReminderSettings.MaxOverdueEveryDays },
        new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = StaleOption, Description = "Nudge drafts quiet for this many days (0 = never)", MinValue = 0, MaxValue = ReminderSettings.MaxStaleAfterDays },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Integer,
            Name = DigestDayOption,
            Description = "Day of the weekly digest",
            Choices = [.. Enum.GetValues<DayOfWeek>().Select(d => ApplicationCommandChoice.Create(d.ToString(), (long)d))],
        },
        new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = DigestTimeOption, Description = "Local time of the weekly digest, e.g. 09:00", MaxLength = 5 });

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GuildId is not { } guildId)
        {
            await context.FailAsync(PostmortemAccess.OnlyInServers, cancellationToken);
            return;
        }

        if (!context.IsGuildAdmin)
        {
            await context.FailAsync(GuildPermissions.AdminsOnly, cancellationToken);
            return;
        }

        await settings.LoadAsync(cancellationToken);
        var current = settings.For(guildId);
        if (context.Data.GetLeafOptions().Count == 0)
        {
            await context.ReplyEphemeralAsync(Describe(current), cancellationToken: cancellationToken);
            return;
        }

        if (Parse(context.Data, current) is not { } rules)
        {
            await context.FailAsync("Times are like 09:00 and days before like 7,1,0. Nothing was changed.", cancellationToken);
            return;
        }

        if (await configuration.SaveRulesAsync(guildId, rules, cancellationToken) is { } problem)
        {
            await context.FailAsync(problem + " Nothing was changed.", cancellationToken);
            return;
        }

        await context.ReplyEphemeralAsync("Saved. " + Describe(settings.For(guildId)), cancellationToken: cancellationToken);
    }

    private static ReminderSettings? Parse(InteractionData data, ReminderSettings current)
    {
        var rules = current;
        if (data.GetString(TimeOption) is { } time)
        {
            if (!TryTime(time, out var value))
            {
                return null;
            }

            rules = rules with { LocalTime = value };
        }

        if (data.GetString(DaysBeforeOption) is { } days)
        {
            var parts = days.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var parsed = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1).ToArray();
            if (parsed.Contains(-1))
            {
                return null;
            }

            rules = rules with { DaysBefore = parsed };
        }

        if (data.GetString(DigestTimeOption) is { } digestTime)
        {
            if (!TryTime(digestTime, out var value))
            {
                return null;
            }

            rules = rules with { DigestTime = value };
        }

        return rules with
        {
            OverdueEveryDays = (int?)data.GetInt64(OverdueOption) ?? rules.OverdueEveryDays,
            StaleAfterDays = (int?)data.GetInt64(StaleOption) ?? rules.StaleAfterDays,
            DigestDay = data.GetInt64(DigestDayOption) is { } day and >= 0 and <= 6 ? (DayOfWeek)day : rules.DigestDay,
        };
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Describe(ReminderSettings rules)
    {
        var days = string.Join(", ", rules.DaysBefore.Select(d => d == 0 ? "on the due date" : d == 1 ? "1 day before" : $"{d} days before"));
        return $"Reminders go out at {rules.LocalTime:HH:mm} ({rules.TimeZone.Id}): {days}"
            + (rules.OverdueEveryDays > 0 ? $", then every {rules.OverdueEveryDays} days while overdue." : "; none while overdue.")
            + (rules.ReminderChannelId is { } channel
                ? $" Weekly digest: {rules.DigestDay} at {rules.DigestTime:HH:mm} in <#{channel}>."
                : " No weekly digest (set a reminder channel with /postmortem config).")
            + (rules.StaleAfterDays > 0 ? $" Drafts quiet for {rules.StaleAfterDays} days get a nudge." : " No stale-draft nudges.");
    }
}
