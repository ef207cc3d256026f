using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Core.Application;

namespace Postmortem.Storage.Database;

/// <summary>
/// Checkpoints the WAL every <see cref="StorageOptions.CheckpointInterval"/> while the host runs and empties it
/// on shutdown. A failed checkpoint is an environment problem worth one warning; the next tick tries again and
/// the auto-checkpoint backstop keeps the WAL bounded meanwhile.
/// </summary>
public sealed partial class WalCheckpointService(
    WalCheckpointer checkpointer,
    StorageOptions options,
    TimeProvider? time = null,
    ILogger<WalCheckpointService>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<WalCheckpointService>.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, time ?? TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await checkpointer.TruncateAsync(cancellationToken);
        }
        catch (StorageException exception)
        {
            LogCheckpointFailed(_logger, exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown wait ran out (e.g. behind a busy writer). Emptying the WAL is a courtesy: every
            // committed frame is already durable in it, and SQLite replays it at the next open.
            LogShutdownCheckpointSkipped(_logger);
        }
    }

    private async Task CheckpointOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await checkpointer.CheckpointAsync(cancellationToken);
            LogCheckpointed(_logger, result.CheckpointedFrames, result.LogFrames);
        }
        catch (StorageException exception)
        {
            LogCheckpointFailed(_logger, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint: {Checkpointed} of {Frames} frames in the database file")]
    private static partial void LogCheckpointed(ILogger logger, int checkpointed, int frames);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutdown deadline reached before the final WAL checkpoint; the WAL is replayed at the next start")]
    private static partial void LogShutdownCheckpointSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed, retrying at the next interval: {Problem}")]
    private static partial void LogCheckpointFailed(ILogger logger, string problem);
}
