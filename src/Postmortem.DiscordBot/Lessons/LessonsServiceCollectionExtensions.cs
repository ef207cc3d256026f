using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Lessons;

public static class LessonsServiceCollectionExtensions
{
    /// <summary>
    /// Lessons → corrective actions → action items on Discord: <c>/postmortem lesson …</c>, <c>/postmortem action …</c>,
    /// <c>/postmortem actions</c>, and the lessons prompts with their forms.
    /// </summary>
    public static IServiceCollection AddLessons(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<DueDateRules>();
        services.TryAddSingleton<OwnerLookup>();
        services.AddSingleton<IPromptRenderer, LessonsPrompt>();
        services.AddSlashCommand<LessonCommand>();
        services.AddSlashCommand<ActionCommand>();
        services.AddSlashCommand<ActionsOverviewCommand>();
        services.AddComponentHandler<ActionsOverviewCommand>();
        services.AddComponentHandler<LessonModals>();
        services.AddModalHandler<LessonModals>();
        return services;
    }
}
