namespace Postmortem.Storage;

/// <summary>Settings of the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// The SQLite database file. Relative paths are resolved against the host's content root (or the current
    /// directory when there is no host); the folder is created when missing.
    /// </summary>
    public string DatabasePath { get; set; } = "data/postmortems.db";

    /// <summary>How long one statement waits for another writer's lock before SQLite reports SQLITE_BUSY.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many more times a unit of work is retried after SQLITE_BUSY outlasted <see cref="BusyTimeout"/>.</summary>
    public int BusyRetries { get; set; } = 2;

    /// <summary>
    /// How many recently used postmortems keep their last loaded state in memory (0 turns the cache off). A load
    /// still checks the stored version, so this only saves re-parsing the JSON of an unchanged document.
    /// </summary>
    public int CachedPostmortems { get; set; } = 64;

    /// <summary>
    /// How often the background checkpointer copies committed WAL pages into the database file, so that the
    /// commit of an answer does not pay for it.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The WAL size (in pages) at which a committing connection checkpoints by itself: a backstop for bursts and
    /// for tools that run without the host's background checkpointer. SQLite's own default is 1000.
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 10_000;
}
