using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.DiscordBot;
using Postmortem.DiscordBot.Reminders;

namespace Postmortem.Bot.DiscordMode;

public static class DiscordModeServiceCollectionExtensions
{
    /// <summary>
    /// Discord mode: the Discord client, whose options validator stops startup with one line saying how to
    /// provide a missing token, and whose hosted service connects the gateway. The bot's Discord front end
    /// (commands, prompts, dashboard) plugs in here.
    /// </summary>
    public static IServiceCollection AddDiscordMode(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDiscordFrontEnd(configuration);
        services.AddDiscordReminders(configuration);
        return services;
    }
}
