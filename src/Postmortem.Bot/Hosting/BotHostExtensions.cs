using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Postmortem.Terminal;

namespace Postmortem.Bot.Hosting;

public static class BotHostExtensions
{
    /// <summary>
    /// Checks the configuration, runs the host until it stops and returns the process exit code: 1 with one line
    /// per problem on <paramref name="errors"/> when the configuration cannot work, else what the front end asked for.
    /// </summary>
    public static async Task<int> RunBotAsync(this IHost host, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(errors);
        var problems = StartupCheck.Run(host.Services);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync(problem);
            }

            return 1;
        }

        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Something asked the host to stop while it was starting (a fatal gateway error): it has said why.
            return Environment.ExitCode != 0 ? Environment.ExitCode : 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The host has logged the details; the operator gets the one line that says what to fix.
            await errors.WriteLineAsync($"The bot could not start: {ex.Message}");
            return 1;
        }

        await host.WaitForShutdownAsync(cancellationToken);
        var requested = host.Services.GetService<TerminalExitCode>()?.Value ?? 0;
        return requested != 0 ? requested : Environment.ExitCode;
    }
}
