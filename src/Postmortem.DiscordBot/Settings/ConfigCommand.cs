using System.Text;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Settings;

/// <summary>
/// <c>/postmortem config</c> (Administrator or Manage Server only): time zone, the role that may start and
/// finalize, the default reminder channel, the forum for postmortem posts and the template. Without options it
/// shows the current settings; everything is validated before anything is saved.
/// </summary>
public sealed class ConfigCommand(
    IGuildSettingsStore store,
    PostmortemService service,
    GuildDefaults defaults,
    IEnumerable<IGuildSettingsListener> listeners)
    : SlashCommandHandler
{
    public const string TimeZoneOption = "time-zone";
    public const string StarterRoleOption = "starter-role";
    public const string ReminderChannelOption = "reminder-channel";
    public const string ForumChannelOption = "forum-channel";
    public const string TemplateOption = "template";
    public const string ResetOption = "reset";

    private readonly IGuildSettingsListener[] _listeners = [.. listeners];

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "config",
        "Server settings for postmortems (admins only)",
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = TimeZoneOption,
            Description = "IANA time zone times are typed and shown in, e.g. Europe/Berlin",
            Autocomplete = true,
            MaxLength = 64,
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Role,
            Name = StarterRoleOption,
            Description = "The role that may start and finalize postmortems",
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Channel,
            Name = ReminderChannelOption,
            Description = "Where reminders and digests go by default",
            ChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Channel,
            Name = ForumChannelOption,
            Description = "A forum: each postmortem becomes a post there",
            ChannelTypes = [ChannelType.GuildForum],
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = TemplateOption,
            Description = "The template new postmortems follow",
            Autocomplete = true,
            MaxLength = 100,
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = ResetOption,
            Description = "Put one setting back to its default",
            Choices =
            [
                ApplicationCommandChoice.Create("time zone (the bot's default)", TimeZoneOption),
                ApplicationCommandChoice.Create("starter role (everyone)", StarterRoleOption),
                ApplicationCommandChoice.Create("reminder channel (none)", ReminderChannelOption),
                ApplicationCommandChoice.Create("forum channel (threads instead)", ForumChannelOption),
                ApplicationCommandChoice.Create("template (the default)", TemplateOption),
            ],
        });

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

        var before = await store.GetAsync(guildId, cancellationToken);
        var (after, error) = Apply(context.Data, before);
        if (error is not null)
        {
            await context.FailAsync(error, cancellationToken);
            return;
        }

        if (after == before)
        {
            await context.ReplyEphemeralAsync(Describe(before, "Current settings"), cancellationToken: cancellationToken);
            return;
        }

        await store.SaveAsync(guildId, after, cancellationToken);
        await context.ReplyEphemeralAsync(Describe(after, "Saved. Settings now"), cancellationToken: cancellationToken);
        foreach (var listener in _listeners)
        {
            context.AfterResponse(ct => listener.SettingsChangedAsync(guildId, before, after, ct));
        }
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(focused);
        var typed = focused.Value?.ToString() ?? "";
        return focused.Name switch
        {
            TimeZoneOption => context.SuggestAsync(TimeZones.Suggest(typed), cancellationToken),
            TemplateOption => context.SuggestAsync(
                TemplateIds(typed).Select(id => ApplicationCommandChoice.Create(id, id)), cancellationToken),
            _ => context.SuggestAsync([], cancellationToken),
        };
    }

    private (GuildSettings Settings, string? Error) Apply(InteractionData data, GuildSettings settings)
    {
        if (data.GetString(TimeZoneOption) is { } zoneId)
        {
            if (!TimeZones.TryFind(zoneId, out var zone))
            {
                return (settings, TimeZones.Unknown(zoneId));
            }

            settings = settings with { TimeZone = zone };
        }

        if (data.GetId(StarterRoleOption) is { } role)
        {
            settings = settings with { StarterRoleId = role.ToString() };
        }

        if (data.GetId(ReminderChannelOption) is { } reminderChannel)
        {
            if (data.GetChannel(ReminderChannelOption) is { Type: not (ChannelType.GuildText or ChannelType.GuildAnnouncement) })
            {
                return (settings, "The reminder channel must be a text or announcement channel.");
            }

            settings = settings with { ReminderChannelId = reminderChannel.ToString() };
        }

        if (data.GetId(ForumChannelOption) is { } forum)
        {
            if (data.GetChannel(ForumChannelOption) is not { Type: ChannelType.GuildForum })
            {
                return (settings, "The postmortem forum must be a forum channel.");
            }

            settings = settings with { ForumChannelId = forum.ToString() };
        }

        if (data.GetString(TemplateOption) is { } templateId)
        {
            if (service.Templates.Find(templateId.Trim()) is not { } template)
            {
                return (settings, $"There is no template \"{DiscordMarkdown.Escape(templateId, singleLine: true)}\". Available: {string.Join(", ", TemplateIds(""))}.");
            }

            settings = settings with { TemplateId = template.Id };
        }

        return data.GetString(ResetOption) switch
        {
            null => (settings, null),
            TimeZoneOption => (settings with { TimeZone = defaults.TimeZone }, null),
            StarterRoleOption => (settings with { StarterRoleId = null }, null),
            ReminderChannelOption => (settings with { ReminderChannelId = null }, null),
            ForumChannelOption => (settings with { ForumChannelId = null }, null),
            TemplateOption => (settings with { TemplateId = null }, null),
            var other => (settings, $"There is no setting \"{DiscordMarkdown.Escape(other, singleLine: true)}\" to reset."),
        };
    }

    private IEnumerable<string> TemplateIds(string typed) =>
        new[] { service.Templates.Default.Id }
            .Concat(service.Templates.Find(typed.Trim()) is { } found ? [found.Id] : [])
            .Distinct(StringComparer.Ordinal);

    private string Describe(GuildSettings settings, string heading)
    {
        var text = new StringBuilder()
            .Append("**").Append(heading).AppendLine("**")
            .Append("- Time zone: ").AppendLine(settings.TimeZone.Id)
            .Append("- May start and finalize: ").AppendLine(settings.StarterRoleId is { } role ? $"<@&{role}>" : "everyone")
            .Append("- Reminder channel: ").AppendLine(settings.ReminderChannelId is { } reminders ? $"<#{reminders}>" : "none")
            .Append("- Postmortems open as: ").AppendLine(settings.ForumChannelId is { } forum ? $"posts in <#{forum}>" : "threads in the channel where they start")
            .Append("- Template: ").Append(settings.TemplateId ?? service.Templates.Default.Id);
        return text.ToString();
    }
}
