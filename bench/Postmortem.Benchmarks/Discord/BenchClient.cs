using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Postmortem.Discord;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Rest;

namespace Postmortem.Benchmarks.DiscordClient;

/// <summary>
/// Our Discord client wired as the host wires it (one long-lived HttpClient on a SocketsHttpHandler, the REST client,
/// the event dispatcher, the gateway client), without logging so the figures are the client's own.
/// </summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly GatewayEventDispatcher _dispatcher;

    private BenchClient(HttpClient http, DiscordRestClient rest, GatewayEventDispatcher dispatcher, DiscordGatewayClient gateway)
    {
        _http = http;
        Rest = rest;
        _dispatcher = dispatcher;
        Gateway = gateway;
    }

    public DiscordRestClient Rest { get; }

    public DiscordGatewayClient Gateway { get; }

    /// <summary>Starts the gateway; <paramref name="handlers"/> get the REST client to answer with.</summary>
    public static async Task<BenchClient> StartAsync(
        Uri apiBaseUrl, string token, GatewayIntents intents, Func<IDiscordRestClient, IGatewayEventHandler[]> handlers)
    {
        var options = Options.Create(new DiscordOptions { Token = token, ApiBaseUrl = apiBaseUrl, Intents = intents });
        var gatewayOptions = Options.Create(new GatewayOptions());
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(20) };
        var rest = new DiscordRestClient(http, options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        var dispatcher = new GatewayEventDispatcher(handlers(rest), gatewayOptions, NullLogger<GatewayEventDispatcher>.Instance);
        var gateway = new DiscordGatewayClient(rest, dispatcher, options, gatewayOptions, TimeProvider.System, NullLoggerFactory.Instance);
        await gateway.StartAsync(CancellationToken.None);
        return new BenchClient(http, rest, dispatcher, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Gateway.StopAsync(stopping.Token);
        await Gateway.DisposeAsync();
        await _dispatcher.DisposeAsync();
        _http.Dispose();
    }
}
