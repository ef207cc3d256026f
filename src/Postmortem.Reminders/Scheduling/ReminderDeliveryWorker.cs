using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Postmortem.Reminders.Scheduling;

/// <summary>
/// <see cref="ReminderOptions.Workers"/> loops that take due reminders off the queue and deliver them. They are
/// separate from the gateway and interaction handling, and the REST client's global gate paces them, so a burst
/// of thousands never delays an interaction callback (those bypass the global limit).
/// </summary>
public sealed partial class ReminderDeliveryWorker(
    ReminderQueue queue,
    ReminderDelivery delivery,
    IOptions<ReminderOptions> options,
    ILogger<ReminderDeliveryWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var row in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await delivery.DeliverAsync(row, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return; // the row is still due in the database: it goes out after the restart
                }
                catch (Exception exception)
                {
                    // Storage trouble: the row stays due and the next scan picks it up again.
                    LogFailed(logger, exception, row.Key.ToString());
                }
                finally
                {
                    queue.Complete(row.Key);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering reminder {Key} failed; it stays due")]
    private static partial void LogFailed(ILogger logger, Exception exception, string key);
}
