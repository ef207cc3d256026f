using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Postmortem.Terminal;

/// <summary>Runs the terminal session once the host has started (the store is migrated), then stops the host.</summary>
public sealed partial class TerminalHostedService(
    TerminalFrontEnd frontEnd,
    TerminalConsole console,
    TerminalExitCode exitCode,
    IHostApplicationLifetime lifetime,
    ILogger<TerminalHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Console reads block and ignore cancellation; on its own thread the session cannot keep Ctrl+C from stopping the host.
            var session = Task.Run(() => frontEnd.RunAsync(console, stoppingToken), CancellationToken.None);
            exitCode.Value = await session.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped from outside (Ctrl+C): a normal end.
        }
        catch (Exception ex)
        {
            LogSessionFailed(logger, ex);
            exitCode.Value = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The terminal session stopped because of an unexpected error")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception);
}
