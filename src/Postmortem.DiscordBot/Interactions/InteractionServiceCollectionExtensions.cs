using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>How features plug into the router: one line per handler.</summary>
public static class InteractionServiceCollectionExtensions
{
    /// <summary>Declares a top-level slash command; handlers with that <see cref="ISlashCommandHandler.Command"/> fill it in.</summary>
    public static IServiceCollection AddSlashCommandRoot(this IServiceCollection services, string name, string description)
    {
        services.AddSingleton(new SlashCommandRoot(name, description));
        return services;
    }

    public static IServiceCollection AddSlashCommand<THandler>(this IServiceCollection services)
        where THandler : class, ISlashCommandHandler =>
        services.AddHandler<ISlashCommandHandler, THandler>();

    public static IServiceCollection AddComponentHandler<THandler>(this IServiceCollection services)
        where THandler : class, IComponentHandler =>
        services.AddHandler<IComponentHandler, THandler>();

    /// <summary>A message context-menu command; the registrar registers it beside the slash commands.</summary>
    public static IServiceCollection AddMessageCommand<THandler>(this IServiceCollection services)
        where THandler : class, IMessageCommandHandler =>
        services.AddHandler<IMessageCommandHandler, THandler>();

    public static IServiceCollection AddModalHandler<THandler>(this IServiceCollection services)
        where THandler : class, IModalHandler =>
        services.AddHandler<IModalHandler, THandler>();

    // One instance per handler class, even when it answers several kinds (a command and its buttons).
    private static IServiceCollection AddHandler<TService, THandler>(this IServiceCollection services)
        where TService : class
        where THandler : class, TService
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton<TService>(provider => provider.GetRequiredService<THandler>());
        return services;
    }
}
