using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postmortem.Discord.Emulator;
using Postmortem.Playground.Clock;
using Postmortem.Playground.Sample;

namespace Postmortem.Playground.Web;

/// <summary>The page and its API on 127.0.0.1 only (Kestrel): nothing of the playground is reachable from another machine.</summary>
internal sealed class PlaygroundWebServer : IAsyncDisposable
{
    private static readonly string[] _files = ["index.html", "app.css", "app.js", "markdown.js", "components.js"];
    private readonly WebApplication _app;

    private PlaygroundWebServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<PlaygroundWebServer> StartAsync(
        int port, DiscordEmulator emulator, SampleServer server, PlaygroundClock clock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNameCaseInsensitive = true);
        var app = builder.Build();
        // Only this machine's browser, by name too: a page elsewhere that rebinds its own DNS name to 127.0.0.1
        // must not be able to read or drive the playground.
        app.Use((http, next) => LocalHost.IsLocal(http.Request.Host) ? next(http) : LocalHost.RefuseAsync(http));
        app.UseRouting();
        var live = new LiveUpdates(emulator);
        new PlaygroundApi(emulator, server, clock, live).Map(app);
        app.MapGet("/api/events", live.StreamAsync);
        app.MapGet("/", http => EmbeddedPage.ServeAsync(http, "index.html"));
        foreach (var file in _files)
        {
            app.MapGet("/" + file, http => EmbeddedPage.ServeAsync(http, file));
        }

        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new PlaygroundWebServer(app, new Uri($"http://127.0.0.1:{address.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
