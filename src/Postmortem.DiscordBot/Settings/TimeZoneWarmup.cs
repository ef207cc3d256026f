using Microsoft.Extensions.Hosting;

namespace Postmortem.DiscordBot.Settings;

/// <summary>Loads the time-zone list in the background at startup (see <see cref="TimeZones.Load"/>).</summary>
internal sealed class TimeZoneWarmup : IHostedService
{
    internal Task Loading { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the host's start must not wait for it, and the first autocomplete that comes before it
        // finishes simply joins the same Lazy.
        Loading = Task.Run(TimeZones.Load, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
