using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Settings;
using Postmortem.Reminders;
using Postmortem.Reminders.Interactions;

namespace Postmortem.DiscordBot.Reminders;

public static class ReminderFrontEndServiceCollectionExtensions
{
    /// <summary>
    /// Reminders in Discord: the reminder machinery (<see cref="ReminderServiceCollectionExtensions.AddPostmortemReminders"/>),
    /// the reminder buttons and modals, <c>/actions mine|overdue</c>, <c>/postmortem meetings</c>,
    /// <c>/postmortem reminders</c>, and following <c>/postmortem config</c> changes.
    /// </summary>
    public static IServiceCollection AddDiscordReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPostmortemReminders(configuration);
        services.AddComponentHandler<ReminderButtons>();
        services.AddModalHandler<ReminderButtons>();
        services.AddSlashCommandRoot(ActionsCommand.Name, ActionsCommand.Definition.Description);
        services.AddSlashCommand<ActionsMineCommand>();
        services.AddSlashCommand<ActionsOverdueCommand>();
        services.TryAddSingleton<ReviewMeetingEvents>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostmortemFollower, ReviewMeetingEvents>(p => p.GetRequiredService<ReviewMeetingEvents>()));
        services.AddSlashCommand<MeetingsCommand>();
        services.AddSlashCommand<RemindersCommand>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuildSettingsListener, ReminderSettingsListener>());
        return services;
    }
}
