using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Pulling chat into the postmortem: the message commands Add to timeline, Add as graph and Use as answer.</summary>
    public static IServiceCollection AddChatMenus(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ChatPostmortems>();
        services.AddMessageCommand<AddToTimelineMenu>();
        services.AddModalHandler<AddToTimelineMenu>();
        services.AddMessageCommand<AddAsGraphMenu>();
        services.AddComponentHandler<AddAsGraphMenu>();
        services.AddMessageCommand<UseAsAnswerMenu>();
        services.AddModalHandler<UseAsAnswerMenu>();
        return services;
    }
}
