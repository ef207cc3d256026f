using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Forum;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;
using Postmortem.DiscordBot.Settings;

namespace Postmortem.DiscordBot.Commands;

/// <summary>
/// <c>/postmortem start title [severity] [incident-start]</c>: checks the input, then (deferred, since it calls
/// Discord) stores the draft, opens its public thread (or forum post), posts and pins the dashboard and asks
/// the first question. The facilitator is whoever started it.
/// </summary>
public sealed partial class StartCommand(
    PostmortemService service,
    IPostmortemRepository repository,
    IGuildSettingsStore settingsStore,
    DashboardService dashboards,
    ForumPosts forum,
    PromptView prompts,
    TimeProvider time,
    ILogger<StartCommand> logger) : SlashCommandHandler
{
    public const string TitleOption = "title";
    public const string SeverityOption = "severity";
    public const string IncidentStartOption = "incident-start";

    // A week: postmortems are written over days; the bot reopens an archived thread when it needs to.
    private const int AutoArchiveMinutes = 10080;

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "start",
        "Start a postmortem: opens a thread with a dashboard and guides you through the template",
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = TitleOption,
            Description = "What happened, in a few words",
            Required = true,
            MinLength = 1,
            MaxLength = Limits.MaxTitleLength,
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = SeverityOption,
            Description = "How bad it was",
            Choices =
            [
                ApplicationCommandChoice.Create("SEV1: critical, widespread impact", "SEV1"),
                ApplicationCommandChoice.Create("SEV2: major impact", "SEV2"),
                ApplicationCommandChoice.Create("SEV3: minor impact", "SEV3"),
                ApplicationCommandChoice.Create("SEV4: little or no user impact", "SEV4"),
            ],
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = IncidentStartOption,
            Description = "When the incident began: 2026-05-06 14:30 (server time zone) or ISO 8601",
            MaxLength = 40,
        });

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GuildId is not { } guildId)
        {
            await context.FailAsync(PostmortemAccess.OnlyInServers, cancellationToken);
            return;
        }

        var settings = await settingsStore.GetAsync(guildId, cancellationToken);
        if (Check(context, settings, out var title, out var severity, out var incidentStart) is { } problem)
        {
            await context.FailAsync(problem, cancellationToken);
            return;
        }

        await context.DeferAsync(ephemeral: false, cancellationToken);
        var template = settings.TemplateId is { } templateId ? service.Templates.Find(templateId) ?? service.Templates.Default : service.Templates.Default;
        var forumId = settings.ForumChannelId is { } forumText ? Snowflake.Parse(forumText) : (Snowflake?)null;
        var draft = Core.Postmortem.Start(
            guildId, (forumId ?? context.ChannelId).ToString(), title, context.Actor, time.GetUtcNow(), template.Id, severity, incidentStart);
        var id = await repository.CreateAsync(draft, cancellationToken);
        draft.MarkPersisted(id, version: 1);

        Snowflake threadId;
        try
        {
            threadId = await OpenSpaceAsync(context, draft, forumId, cancellationToken);
        }
        catch (DiscordHttpException ex)
        {
            LogCouldNotOpen(logger, id, ex.Message);
            await context.EditOriginalAsync(
                new MessagePayload
                {
                    Content = $"Postmortem #{id} was saved, but I could not open its {(forumId is null ? "thread" : "forum post")}: "
                        + $"{ex.DiscordMessage ?? ex.StatusCode.ToString()}. I need permission to create public threads and send messages in them"
                        + (forumId is null ? "." : $" in <#{forumId}>."),
                },
                cancellationToken);
            return;
        }

        var attached = await service.ExecuteAsync(id, new AttachThread(threadId.ToString()), context.Actor, cancellationToken);
        var postmortem = attached.Postmortem ?? draft;
        await context.Rest.CreateMessageAsync(threadId, prompts.Render(postmortem, template, PromptNavigator.Next(postmortem, template)), cancellationToken);
        await context.EditOriginalAsync(
            new MessagePayload
            {
                Content = $"📝 Postmortem #{id} **{DiscordMarkdown.Escape(title, singleLine: true)}** started by "
                    + $"{DiscordMarkdown.Escape(context.Actor.DisplayName, singleLine: true)}: continue in <#{threadId}>. "
                    + "Blameless: we look at processes, not people.",
            },
            cancellationToken);
    }

    private static string? Check(InteractionContext context, GuildSettings settings, out string title, out string? severity, out DateTimeOffset? incidentStart)
    {
        title = "";
        severity = null;
        incidentStart = null;
        if (!GuildPermissions.MayStartOrFinalize(context, settings))
        {
            return GuildPermissions.StarterRoleRequired(settings, "start");
        }

        if (settings.ForumChannelId is null && context.Interaction.Channel?.Type is not (null or ChannelType.GuildText or ChannelType.GuildAnnouncement))
        {
            return "Start a postmortem from a text channel: I open a thread for it there.";
        }

        if (InputRules.Title(context.Data.GetString(TitleOption), out title) is { } titleError)
        {
            return titleError.Message;
        }

        if (InputRules.Severity(context.Data.GetString(SeverityOption), out severity) is { } severityError)
        {
            return severityError.Message;
        }

        if (context.Data.GetString(IncidentStartOption) is { Length: > 0 } startText)
        {
            if (!ZonedTimes.TryParse(startText, settings.TimeZone, out var start, out var error))
            {
                return error;
            }

            incidentStart = start;
        }

        return null;
    }

    private async Task<Snowflake> OpenSpaceAsync(InteractionContext context, Core.Postmortem draft, Snowflake? forumId, CancellationToken cancellationToken)
    {
        var name = $"#{draft.Id} {draft.Title}";
        if (forumId is { } forumChannel)
        {
            var post = await forum.CreatePostAsync(draft.Id, forumChannel, name, await dashboards.RenderAsync(draft, cancellationToken), cancellationToken);
            if (post.Message is { } starter)
            {
                await dashboards.RememberAsync(draft.Id, starter, cancellationToken);
            }

            return post.Id;
        }

        var thread = await context.Rest.StartThreadAsync(
            context.ChannelId,
            new ThreadCreateRequest(DiscordMarkdown.Truncate(name, DiscordLimits.ThreadName)) { AutoArchiveDuration = AutoArchiveMinutes },
            cancellationToken);
        await dashboards.PublishAsync(draft, thread.Id, cancellationToken);
        return thread.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postmortem {PostmortemId}: could not open its thread or post: {Reason}")]
    private static partial void LogCouldNotOpen(ILogger logger, PostmortemId postmortemId, string reason);
}
