using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Hosting;

/// <summary>
/// Connects the gateway when the host starts and disconnects when it stops. If Discord refuses the
/// bot (bad token, missing intent), logs the one line that says what to fix and stops the host
/// with exit code 1: retrying could never succeed.
/// </summary>
public sealed class DiscordGatewayService : IHostedService
{
    private readonly DiscordGatewayClient _client;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly Action<int> _setExitCode;
    private Task _watch = Task.CompletedTask;

    public DiscordGatewayService(DiscordGatewayClient client, IHostApplicationLifetime lifetime, ILogger<DiscordGatewayService> logger)
        : this(client, lifetime, logger, code => Environment.ExitCode = code)
    {
    }

    // Tests pass their own exit-code sink: setting Environment.ExitCode would fail the test run itself.
    internal DiscordGatewayService(
        DiscordGatewayClient client, IHostApplicationLifetime lifetime, ILogger<DiscordGatewayService> logger, Action<int> setExitCode)
    {
        _client = client;
        _lifetime = lifetime;
        _logger = logger;
        _setExitCode = setExitCode;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _client.StartAsync(cancellationToken);
        _watch = WatchAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _client.StopAsync(cancellationToken);
        await _watch.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WatchAsync()
    {
        try
        {
            await _client.Completion;
        }
        catch (GatewayFatalException ex)
        {
            // An environment error the operator must fix: one line, no stack trace.
            GatewayLog.Fatal(_logger, ex.Message);
            Stop();
        }
#pragma warning disable CA1031 // Anything else escaping the gateway is a bug; the host must still stop, not hang.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogCritical(ex, "The Discord gateway failed unexpectedly");
            Stop();
        }
    }

    private void Stop()
    {
        _setExitCode(1);
        // Stopping while other hosted services still start would cancel their StartAsync, and the host would
        // surface that cancellation as a crash; so the stop waits until the host has started.
        _lifetime.ApplicationStarted.Register(_lifetime.StopApplication);
    }
}
