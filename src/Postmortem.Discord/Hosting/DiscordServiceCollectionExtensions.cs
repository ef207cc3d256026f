using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Hosting;

public static class DiscordServiceCollectionExtensions
{
    private const string RestHttpClientKey = "Postmortem.Discord.Rest";

    /// <summary>
    /// Adds the Discord client: validated <see cref="DiscordOptions"/> from "Discord", gateway tuning
    /// from "Discord:Gateway", the REST client on its own HttpClient, the gateway client and the hosted
    /// service that runs it. Register handlers with <see cref="AddGatewayEventHandler{THandler}"/>.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .Validate(
                o => o.SendBudgetPerMinute is >= 1 and <= GatewaySendLimiter.DiscordLimit
                     && o.ReconnectDelayMin > TimeSpan.Zero && o.ReconnectDelayMax >= o.ReconnectDelayMin
                     && o.InvalidSessionDelayMax >= o.InvalidSessionDelayMin && o.InvalidSessionDelayMin >= TimeSpan.Zero,
                "Discord:Gateway: SendBudgetPerMinute must be 1–120 and each delay range must run from a positive minimum up to its maximum")
            .Validate(
                o => o.TransportCompression is TransportCompression.None or TransportCompression.ZlibStream,
                "Discord:Gateway:TransportCompression must be None or ZlibStream: this client does not speak zstd-stream")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        // One long-lived HttpClient, not IHttpClientFactory: the REST client keeps rate-limit state for the
        // process, and the factory's request logging would write interaction tokens that sit in URL paths.
        // A pooled-connection lifetime still picks up DNS changes.
        services.TryAddKeyedSingleton(
            RestHttpClientKey,
            (_, _) => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                // Well under the 100 s default: a hung request is retried like a network error instead of
                // holding a rate-limit bucket (and the interaction it serves) for minutes.
                Timeout = TimeSpan.FromSeconds(20),
            });
        services.TryAddSingleton<IDiscordRestClient>(sp => new DiscordRestClient(
            sp.GetRequiredKeyedService<HttpClient>(RestHttpClientKey),
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));

        services.TryAddSingleton<GatewayEventDispatcher>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.TryAddSingleton<IGuildMemberSearch>(sp => sp.GetRequiredService<DiscordGatewayClient>());
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }

    /// <summary>Registers a handler for gateway events (a singleton; it may run concurrently for different channels).</summary>
    public static IServiceCollection AddGatewayEventHandler<THandler>(this IServiceCollection services)
        where THandler : class, IGatewayEventHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGatewayEventHandler, THandler>());
        return services;
    }
}
