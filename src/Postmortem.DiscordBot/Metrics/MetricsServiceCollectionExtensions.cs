using Microsoft.Extensions.DependencyInjection;
using Postmortem.Discord.Hosting;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>Metrics/Graphs on Discord: <c>/postmortem metric …</c>, the table form, image replies to the prompt, and the prompt.</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IPromptRenderer, MetricsPrompt>();
        services.AddSlashCommand<MetricCommand>();
        services.AddComponentHandler<MetricTableModal>();
        services.AddModalHandler<MetricTableModal>();
        services.AddGatewayEventHandler<MetricReplies>();
        return services;
    }
}
