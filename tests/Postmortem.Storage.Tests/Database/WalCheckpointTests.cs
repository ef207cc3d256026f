using Microsoft.Extensions.Logging;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Database;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Tests.Database;

public sealed class WalCheckpointTests : IAsyncLifetime
{
    private static readonly TimeSpan _generous = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(Now);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private async Task CommitSomethingAsync()
    {
        var service = _db.Service(_clock);
        var id = (await service.StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        await service.ExecuteAsync(id, new SetTitle("Another title"), Felix);
    }

    [Fact]
    public async Task Checkpoint_CopiesEveryCommittedFrameIntoTheDatabaseFile()
    {
        await CommitSomethingAsync();

        var result = await new WalCheckpointer(_db.Database).CheckpointAsync();

        Assert.True(result.LogFrames > 0);
        Assert.True(result.IsComplete, result.ToString());
    }

    [Fact]
    public async Task Service_CheckpointsEveryInterval_AndEmptiesTheWalOnShutdown()
    {
        var checkpointed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var logger = new RecordingLogger<WalCheckpointService>((_, message) => checkpointed.TrySetResult(message));
        var time = new TimerSignallingTimeProvider(_clock);
        var service = new WalCheckpointService(new WalCheckpointer(_db.Database), _db.Options, time, logger);
        await service.StartAsync(CancellationToken.None);
        await CommitSomethingAsync();
        // ExecuteAsync runs in the background: advance only once its timer exists.
        await time.TimerCreated.WaitAsync(_generous);

        _clock.Advance(_db.Options.CheckpointInterval);
        var message = await checkpointed.Task.WaitAsync(_generous);
        await service.StopAsync(CancellationToken.None);

        Assert.Matches(@"^WAL checkpoint: (\d+) of \1 frames", message);
        Assert.DoesNotMatch(@"^WAL checkpoint: 0 of", message);
        Assert.Equal(0, new FileInfo(_db.FilePath + "-wal").Length);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Service_WhenTheShutdownDeadlineHasPassed_StopsWithoutThrowing_AndKeepsTheWal()
    {
        var logger = new RecordingLogger<WalCheckpointService>((_, _) => { });
        var service = new WalCheckpointService(new WalCheckpointer(_db.Database), _db.Options, _clock, logger);
        await service.StartAsync(CancellationToken.None);
        await CommitSomethingAsync();
        using var expired = new CancellationTokenSource();
        await expired.CancelAsync();

        await service.StopAsync(expired.Token);

        // Nothing was emptied, and nothing is lost: the committed frames are still in the WAL.
        Assert.True(new FileInfo(_db.FilePath + "-wal").Length > 0);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information);
    }

    /// <summary>The fake clock, plus a signal when the code under test creates its timer.</summary>
    private sealed class TimerSignallingTimeProvider(FakeTimeProvider clock) : TimeProvider
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = clock.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }
}
