using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postmortem.Charts;
using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;
using Postmortem.Discord.Hosting;
using Postmortem.DiscordBot.Chat;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Export;
using Postmortem.DiscordBot.FiveWhys;
using Postmortem.DiscordBot.Forum;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Lessons;
using Postmortem.DiscordBot.Metrics;
using Postmortem.DiscordBot.Pictures;
using Postmortem.DiscordBot.Prompts;
using Postmortem.DiscordBot.References;
using Postmortem.DiscordBot.Settings;
using Postmortem.DiscordBot.Timeline;

namespace Postmortem.DiscordBot;

public static class DiscordFrontEndServiceCollectionExtensions
{
    /// <summary>
    /// The Discord front end: the Discord client ("Discord" section), the interaction router with the
    /// <c>/postmortem</c> handlers, command registration at startup, plain-reply answers and the dashboard. Needs the engine (<c>PostmortemService</c>) and a storage adapter
    /// (the Core ports, e.g. <c>AddLiteDbStorage</c>) registered too, and the host's <see cref="GuildDefaults"/> registered first (otherwise guilds without settings use UTC).
    /// </summary>
    public static IServiceCollection AddDiscordFrontEnd(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDiscordClient(configuration);
        services.AddOptions<DiscordFrontEndOptions>()
            .Bind(configuration.GetSection(DiscordFrontEndOptions.SectionName))
            .Validate(o => o.CommandGuildIds.All(id => ulong.TryParse(id, out _)), "DiscordBot:CommandGuildIds must list guild ids (numbers)")
            .ValidateOnStart();

        services.TryAddSingleton(LintOptions.Default);
        services.TryAddSingleton(GuildDefaults.Utc);
        services.AddPostmortemCharts();

        services.TryAddSingleton<PostmortemAccess>();
        services.TryAddSingleton<PostmortemCommandRunner>();
        services.TryAddSingleton<DashboardService>();
        services.TryAddSingleton<ForumPosts>();
        services.TryAddSingleton<PromptView>();
        services.TryAddSingleton<StatusChanges>();

        services.AddGatewayEventHandler<InteractionRouter>();
        services.AddGatewayEventHandler<CommandRegistrar>();
        services.AddGatewayEventHandler<ReplyAnswers>();

        services.AddSlashCommandRoot(PostmortemCommand.Name, PostmortemCommand.Description);
        services.AddSlashCommand<StartCommand>();
        services.AddSlashCommand<StatusCommand>();
        services.AddComponentHandler<StatusCommand>();
        services.AddSlashCommand<ExportCommand>();
        services.AddSlashCommand<ReviewCommand>();
        services.AddSlashCommand<FinalizeCommand>();
        services.AddComponentHandler<FinalizeCommand>();
        services.AddSlashCommand<ReopenCommand>();
        services.AddSlashCommand<ConfigCommand>();
        services.AddHostedService<TimeZoneWarmup>();
        services.AddSlashCommand<ReferenceCommand>();
        services.AddComponentHandler<PromptButtons>();
        services.AddComponentHandler<PicturesButton>();
        services.AddModalHandler<AnswerSubmitted>();
        services.AddTimeline();
        services.AddMetrics();
        services.AddFiveWhys();
        services.AddLessons();
        services.AddChatMenus();
        return services;
    }
}
