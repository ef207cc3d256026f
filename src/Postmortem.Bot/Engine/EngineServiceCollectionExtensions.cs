using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;
using Postmortem.Core.Templates;

namespace Postmortem.Bot.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The postmortem engine: validated <see cref="PostmortemOptions"/>, the template catalog read from the
    /// configured file, the linter's options, the <see cref="GuildDefaults"/> (the configured default time zone,
    /// used by every front end), the system clock and the <see cref="PostmortemService"/>.
    /// A storage (an <see cref="IPostmortemRepository"/>) must be added as well.
    /// </summary>
    public static IServiceCollection AddPostmortemEngine(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PostmortemOptions>().BindConfiguration(PostmortemOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostmortemOptions>, PostmortemOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITemplateCatalog, FileTemplateCatalog>();
        services.TryAddSingleton(provider => new GuildDefaults(provider.GetRequiredService<IOptions<PostmortemOptions>>().Value.ResolveTimeZone()));
        services.TryAddSingleton(provider => new LintOptions
        {
            MaxActionItemHorizon = TimeSpan.FromDays(provider.GetRequiredService<IOptions<PostmortemOptions>>().Value.MaxActionItemHorizonDays),
        });
        services.TryAddSingleton(provider => new PostmortemService(
            provider.GetRequiredService<IPostmortemRepository>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ITemplateCatalog>()));
        return services;
    }
}
