using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.FiveWhys;

public static class FiveWhysServiceCollectionExtensions
{
    /// <summary>
    /// The Five Whys on Discord: <c>/postmortem why …</c> and <c>/postmortem whys</c>, the whys thread with its
    /// buttons and modals, the Five Whys prompts, and the thread's link on the dashboard.
    /// </summary>
    public static IServiceCollection AddFiveWhys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<WhysThread>();
        services.TryAddSingleton<WhyReplies>();
        services.AddSingleton<IPostmortemChannels>(provider => provider.GetRequiredService<WhysThread>());
        services.AddSingleton<IDashboardLinks>(provider => provider.GetRequiredService<WhysThread>());
        services.AddSingleton<IPromptRenderer, WhysPrompt>();
        services.AddSlashCommand<WhyCommand>();
        services.AddSlashCommand<WhysCommand>();
        services.AddComponentHandler<WhysCommand>();
        services.AddComponentHandler<WhyButtons>();
        services.AddModalHandler<WhySubmitted>();
        return services;
    }
}
