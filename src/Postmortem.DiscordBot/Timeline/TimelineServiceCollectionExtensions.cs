using Microsoft.Extensions.DependencyInjection;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Timeline;

public static class TimelineServiceCollectionExtensions
{
    /// <summary>The timeline on Discord: <c>/postmortem timeline …</c>, its listing pages, the prompt and its Add entry modal.</summary>
    public static IServiceCollection AddTimeline(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IPromptRenderer, TimelinePrompt>();
        services.AddSlashCommand<TimelineCommand>();
        services.AddComponentHandler<TimelineCommand>();
        services.AddComponentHandler<TimelineEntryModal>();
        services.AddModalHandler<TimelineEntryModal>();
        return services;
    }
}
