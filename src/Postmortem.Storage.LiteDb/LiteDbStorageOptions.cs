namespace Postmortem.Storage.LiteDb;

/// <summary>Settings of the "Storage" configuration section for the LiteDB adapter.</summary>
public sealed class LiteDbStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// The LiteDB data file; its log is the same name with "-log" before the extension. Relative paths are resolved
    /// against the host's content root (or the current directory when there is no host); the folder is created.
    /// </summary>
    public string DatabasePath { get; set; } = "data/postmortems.litedb";

    /// <summary>
    /// How often the log is copied into the data file and reset. LiteDB's own automatic checkpoint is turned off
    /// (it is skipped while any transaction is open, LiteDB #1775), so this timer and shutdown are what keep the
    /// log short.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The log size (bytes) at which the log is checkpointed right after a commit (between two transactions, after
    /// the commit was acknowledged), so a burst of writes cannot grow it without bound between two timer ticks.
    /// </summary>
    public long CheckpointLogBytes { get; set; } = Engine.LiteDbDatabase.DefaultCheckpointLogBytes;

    /// <summary>
    /// How many recently used postmortems keep their last loaded state in memory (0 turns the cache off). A load
    /// still checks the stored version, so this only saves reading and parsing an unchanged state.
    /// </summary>
    public int CachedPostmortems { get; set; } = 64;
}
