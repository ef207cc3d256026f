using System.Collections.Concurrent;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Core.Application;

namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>
/// The one LiteDB engine of a database file and the one thread it runs on (shared by every
/// <see cref="LiteDbDatabase"/> of that file in this process). LiteDB 5.0.21 binds a transaction to
/// the OS thread that began it (LiteDB #2822, #2781), so every unit of work is a synchronous closure queued here
/// and run start to finish on this thread, inside one explicit transaction, with nothing awaited inside it; callers
/// await its result. When a write's task completes, its commit is on stable storage (see <see cref="DurableStream"/>).
/// Failures of the engine or the files become <see cref="StorageException"/> naming the file; exceptions the work
/// throws itself (a version conflict, a bad argument) reach the caller as they are, after the rollback.
/// </summary>
internal sealed partial class EngineThread : IDisposable
{
    /// <summary>Engines dropped after a failure, kept reachable on purpose (see <see cref="Reset"/>).</summary>
    private static readonly List<LiteEngine> _brokenEngines = [];

    private readonly BlockingCollection<WorkItem> _queue = [];
    private readonly Thread _thread;
    private readonly Func<DiskFile> _openData;
    private readonly Func<DiskFile> _openLog;
    private readonly ILogger _logger;
    private readonly long _checkpointLogBytes;
    private LiteEngine? _engine;
    private DurableStream? _data;
    private DurableStream? _log;
    private StorageException? _openFailure;
    private int _disposed;

    /// <summary>Opens (or creates) the database file at <paramref name="path"/> and its log beside it.</summary>
    public EngineThread(string path, long checkpointLogBytes, ILogger? logger = null)
        : this(
            Path.GetFullPath(path),
            () => new OsDiskFile(CreateFolder(path)),
            () => new OsDiskFile(LiteDbDatabase.LogPathOf(path)),
            checkpointLogBytes,
            logger)
    {
    }

    public EngineThread(string location, Func<DiskFile> openData, Func<DiskFile> openLog, long checkpointLogBytes, ILogger? logger = null)
    {
        _checkpointLogBytes = checkpointLogBytes;
        Location = location;
        _openData = openData;
        _openLog = openLog;
        _logger = logger ?? NullLogger.Instance;
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB engine" };
        _thread.Start();
    }

    /// <summary>The database file (for messages and operator commands).</summary>
    public string Location { get; }

    /// <summary>Runs <paramref name="work"/> as one transaction on the engine thread: committed (durably) when it returns, rolled back when it throws.</summary>
    public Task<T> RunAsync<T>(Func<ILiteEngine, T> work, CancellationToken cancellationToken = default) =>
        Enqueue(new WorkItem<T>(work, transactional: true, cancellationToken));

    public Task RunAsync(Action<ILiteEngine> work, CancellationToken cancellationToken = default) =>
        RunAsync(
            engine =>
            {
                work(engine);
                return true;
            },
            cancellationToken);

    /// <summary>Copies the log into the data file and empties the log; returns how many pages were copied.</summary>
    public Task<int> CheckpointAsync(CancellationToken cancellationToken = default) =>
        Enqueue(new WorkItem<int>(engine => engine.Checkpoint(), transactional: false, cancellationToken));

    /// <summary>The size of the log file in bytes now (0 right after a checkpoint).</summary>
    public Task<long> LogSizeAsync(CancellationToken cancellationToken = default) =>
        Enqueue(new WorkItem<long>(_ => _log!.Length, transactional: false, cancellationToken));

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="targetPath"/> while the store stays open (LiteDB has
    /// no hot backup, #2791): on the engine thread, between transactions, the log is checkpointed into the data file,
    /// which is then copied to a temporary file, fsynced and renamed into place. The copy opens without a log.
    /// </summary>
    public Task<long> BackupAsync(string targetPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        var target = Path.GetFullPath(targetPath);
        if (string.Equals(target, Location, StringComparison.Ordinal) || string.Equals(target, LiteDbDatabase.LogPathOf(Location), StringComparison.Ordinal))
        {
            throw new ArgumentException("The backup must not overwrite the database or its log.", nameof(targetPath));
        }

        return Enqueue(new WorkItem<long>(
            engine =>
            {
                engine.Checkpoint();
                return CopyDataFile(target);
            },
            transactional: false,
            cancellationToken));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.CompleteAdding();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _queue.Dispose();
    }

    private Task<T> Enqueue<T>(WorkItem<T> item)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        try
        {
            _queue.Add(item);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(EngineThread));
        }

        return item.Task;
    }

    private void Run()
    {
        Open();
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            if (_engine is null)
            {
                // Opening failed before, or a failure reset the engine: try again, the disk may be back.
                Open();
            }

            if (_engine is null)
            {
                item.Fail(_openFailure!);
            }
            else
            {
                item.Execute(this);
                CheckpointWhenTheLogIsLong();
            }
        }

        Close();
    }

    private void Open()
    {
        try
        {
            _data = new DurableStream(_openData(), isLog: false);
            var data = _data;
            _log = new DurableStream(_openLog(), isLog: true, beforeTruncate: data.Flush);
            _engine = new LiteEngine(new EngineSettings
            {
                DataStream = _data,
                LogStream = _log,
                TempStream = new MemoryStream(),
                Collation = LiteDbSchema.Collation,
                AutoRebuild = false,
            });
            LiteDbSchema.Prepare(_engine);
            _openFailure = null;
        }
        catch (Exception exception) when (IsEnvironmentFailure(exception))
        {
            _openFailure = Describe(exception, opening: true);
            LogOpenFailed(_logger, Location, _openFailure.Message);
            Reset();
        }
    }

    /// <summary>
    /// LiteDB's own checkpoint at a log size is off (it is skipped while any transaction is open, #1775); this one
    /// runs between two units of work, after the caller of the last one was answered, so it never waits on an open
    /// transaction and never delays an acknowledgement. The timer (LiteDbCheckpointService) covers quiet times.
    /// </summary>
    private void CheckpointWhenTheLogIsLong()
    {
        if (_engine is null || _log is null || _log.Length < _checkpointLogBytes)
        {
            return;
        }

        try
        {
            _engine.Checkpoint();
        }
        catch (Exception exception) when (IsEnvironmentFailure(exception))
        {
            LogCheckpointFailed(_logger, Location, exception.Message);
            Reset();
        }
    }

    /// <summary>
    /// Drops the engine after a failure of the disk or of LiteDB inside a unit of work. Its in-memory state (locks,
    /// caches, WAL index) may no longer match the files (LiteDB can leave a failed transaction's lock held), so the
    /// next unit of work opens the files again and recovers from what is on disk, which is the truth. The broken
    /// engine is never disposed: disposing a transaction that failed mid-commit throws in LiteDB 5.0.21, and its
    /// finalizer then throws again on the finalizer thread, which ends the process. Kept reachable, it is never
    /// finalized; its files are closed here, so it can write nothing more.
    /// </summary>
    private void Reset()
    {
        if (_engine is not null)
        {
            lock (_brokenEngines)
            {
                _brokenEngines.Add(_engine);
            }

            LogEngineDropped(_logger, Location);
            _engine = null;
        }

        CloseFiles();
    }

    private void Close()
    {
        if (_engine is not null)
        {
            try
            {
                // Shutdown leaves an empty log: the next start has nothing to recover.
                _engine.Checkpoint();
                _engine.Dispose();
                _engine = null;
            }
            catch (Exception exception)
            {
                // Whatever the checkpoint could not write is still in the log, which the next open recovers.
                LogCheckpointFailed(_logger, Location, exception.Message);
            }
        }

        Reset();
    }

    private void CloseFiles()
    {
        _log?.File.Dispose();
        _data?.File.Dispose();
        _log = null;
        _data = null;
    }

    private long CopyDataFile(string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        var source = _data!.File;
        var buffer = new byte[1 << 20];
        long copied = 0;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            while (source.Read(copied, buffer) is var read and > 0)
            {
                output.Write(buffer, 0, read);
                copied += read;
            }

            output.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: true);
        return copied;
    }

    private static string CreateFolder(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    internal static bool IsEnvironmentFailure(Exception exception) =>
        exception is LiteException or IOException or UnauthorizedAccessException;

    internal StorageException Describe(Exception exception, bool opening)
    {
        if (exception is UnauthorizedAccessException or IOException)
        {
            return new StorageException(
                StorageFailure.Unavailable,
                Location,
                $"The database file '{Location}' cannot be opened or written ({exception.Message}). "
                + "Check that the folder exists, is writable, the disk is not full and no other process has the file open.",
                exception);
        }

        return opening
            ? new StorageException(
                StorageFailure.Corrupt,
                Location,
                $"The database file '{Location}' cannot be opened as a LiteDB database ({exception.Message}). "
                + "Restore it from a backup or point Storage:DatabasePath at another file.",
                exception)
            : new StorageException(
                StorageFailure.Unavailable,
                Location,
                $"The database file '{Location}' failed: {exception.Message}",
                exception);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database {Location} could not be opened: {Problem}")]
    private static partial void LogOpenFailed(ILogger logger, string location, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Location}: the engine failed and was dropped; the next unit of work reopens the file and recovers from it")]
    private static partial void LogEngineDropped(ILogger logger, string location);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint of {Location} at shutdown failed: {Problem}")]
    private static partial void LogCheckpointFailed(ILogger logger, string location, string problem);

    private abstract class WorkItem
    {
        public abstract void Execute(EngineThread database);

        public abstract void Fail(Exception exception);
    }

    private sealed class WorkItem<T>(Func<ILiteEngine, T> work, bool transactional, CancellationToken cancellationToken) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _completion.Task;

        public override void Fail(Exception exception) => _completion.TrySetException(exception);

        public override void Execute(EngineThread database)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
                return;
            }

            var engine = database._engine!;
            var began = false;
            try
            {
                began = transactional && engine.BeginTrans();
                var result = work(engine);
                if (began)
                {
                    engine.Commit();
                }

                _completion.TrySetResult(result);
            }
            catch (Exception exception)
            {
                if (began)
                {
                    TryRollback(engine);
                }

                if (IsEnvironmentFailure(exception))
                {
                    database.Reset();
                    _completion.TrySetException(database.Describe(exception, opening: false));
                }
                else
                {
                    _completion.TrySetException(exception);
                }
            }
        }

        private static void TryRollback(LiteEngine engine)
        {
            try
            {
                engine.Rollback();
            }
            catch (Exception)
            {
                // Whatever the rollback did not undo was never confirmed; the log ignores it, and a failure that
                // reached here resets the engine anyway. The engine thread must never die of it.
            }
        }
    }
}
