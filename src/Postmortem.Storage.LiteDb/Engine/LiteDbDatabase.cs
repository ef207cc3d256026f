using LiteDB.Engine;
using Microsoft.Extensions.Logging;

namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>
/// A handle on one LiteDB database file: every port of the adapter runs its work through it (see
/// <see cref="EngineThread"/>: one engine, one thread, one transaction per unit of work, durable when the task
/// completes). A LiteDB file can have only one engine, and the file is opened exclusively, so handles on the same
/// path in one process share one engine (counted; the last one to be disposed checkpoints and closes the file),
/// and another process that opens the file fails with a clear <see cref="Core.Application.StorageException"/>.
/// </summary>
public sealed class LiteDbDatabase : IDisposable
{
    private static readonly Lock _registryGate = new();
    private static readonly Dictionary<string, (EngineThread Engine, int Handles)> _registry = new(StringComparer.Ordinal);

    private readonly EngineThread _engine;
    private readonly string? _sharedPath;
    private int _disposed;

    /// <summary>The log size at which a checkpoint runs after a commit, unless one is configured.</summary>
    public const long DefaultCheckpointLogBytes = 32L << 20;

    /// <summary>
    /// Opens (or creates) the database file at <paramref name="path"/> and its log beside it; the log is checkpointed
    /// after a commit once it reaches <paramref name="checkpointLogBytes"/> (the first handle on a path sets it).
    /// </summary>
    public LiteDbDatabase(string path, ILogger<LiteDbDatabase>? logger = null, long checkpointLogBytes = DefaultCheckpointLogBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _sharedPath = Path.GetFullPath(path);
        lock (_registryGate)
        {
            if (_registry.TryGetValue(_sharedPath, out var shared))
            {
                _engine = shared.Engine;
                _registry[_sharedPath] = (shared.Engine, shared.Handles + 1);
            }
            else
            {
                _engine = new EngineThread(_sharedPath, checkpointLogBytes, logger);
                _registry[_sharedPath] = (_engine, 1);
            }
        }
    }

    /// <summary>A database of its own (not shared) over the given files: the power-cut tests' simulated disk.</summary>
    internal LiteDbDatabase(string location, Func<DiskFile> openData, Func<DiskFile> openLog, long checkpointLogBytes = DefaultCheckpointLogBytes)
    {
        _engine = new EngineThread(location, openData, openLog, checkpointLogBytes);
    }

    /// <summary>The database file (for messages and operator commands).</summary>
    public string Location => _engine.Location;

    /// <summary>Where the log of the data file at <paramref name="path"/> lives: LiteDB's own naming ("name-log.ext").</summary>
    public static string LogPathOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
    }

    /// <summary>Runs <paramref name="work"/> as one transaction on the engine thread: committed (durably) when it returns, rolled back when it throws.</summary>
    internal Task<T> RunAsync<T>(Func<ILiteEngine, T> work, CancellationToken cancellationToken = default) => _engine.RunAsync(work, cancellationToken);

    internal Task RunAsync(Action<ILiteEngine> work, CancellationToken cancellationToken = default) => _engine.RunAsync(work, cancellationToken);

    /// <summary>Copies the log into the data file and empties the log; returns how many pages were copied.</summary>
    public Task<int> CheckpointAsync(CancellationToken cancellationToken = default) => _engine.CheckpointAsync(cancellationToken);

    /// <summary>The size of the log file in bytes now (0 right after a checkpoint); also proves the file opened.</summary>
    public Task<long> LogSizeAsync(CancellationToken cancellationToken = default) => _engine.LogSizeAsync(cancellationToken);

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="targetPath"/> while the store stays open (LiteDB has
    /// no hot backup, #2791): between two transactions the log is checkpointed into the data file, which is copied to
    /// a temporary file, fsynced and renamed into place. Returns the copy's size in bytes.
    /// </summary>
    public Task<long> BackupAsync(string targetPath, CancellationToken cancellationToken = default) => _engine.BackupAsync(targetPath, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_sharedPath is null)
        {
            _engine.Dispose();
            return;
        }

        // Closing inside the lock: a handle opened right after must find the file closed, not still locked.
        lock (_registryGate)
        {
            var shared = _registry[_sharedPath];
            if (shared.Handles == 1)
            {
                _registry.Remove(_sharedPath);
                _engine.Dispose();
            }
            else
            {
                _registry[_sharedPath] = (shared.Engine, shared.Handles - 1);
            }
        }
    }
}
