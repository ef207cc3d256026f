using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Core.Application;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb;

/// <summary>
/// Opens the database while the host starts (a bad file stops startup with one clear error), then checkpoints the
/// log into the data file every <see cref="LiteDbStorageOptions.CheckpointInterval"/> and once more at shutdown.
/// LiteDB's automatic checkpoint is off: it is skipped whenever a transaction is open (LiteDB #1775), so under load
/// the log would only grow. A checkpoint is one work item on the engine thread, between two transactions.
/// </summary>
public sealed partial class LiteDbCheckpointService(
    LiteDbDatabase database,
    LiteDbStorageOptions options,
    TimeProvider? time = null,
    ILogger<LiteDbCheckpointService>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<LiteDbCheckpointService>.Instance;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.LogSizeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CheckpointAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, time ?? TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.CheckpointAsync(cancellationToken);
        }
        catch (StorageException exception)
        {
            // The log keeps every commit; the next checkpoint tries again.
            LogCheckpointFailed(_logger, database.Location, exception.Message);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint of {Location} failed: {Problem}")]
    private static partial void LogCheckpointFailed(ILogger logger, string location, string problem);
}
