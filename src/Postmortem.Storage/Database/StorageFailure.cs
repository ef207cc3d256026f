namespace Postmortem.Storage.Database;

/// <summary>Why the database could not be used.</summary>
public enum StorageFailure
{
    /// <summary>The file is not a SQLite database or is damaged.</summary>
    Corrupt,

    /// <summary>The file or its folder cannot be opened, read or written (permissions, disk, file system).</summary>
    Unavailable,

    /// <summary>Another connection kept the database locked through every retry.</summary>
    Busy,

    /// <summary>The database was migrated by a newer version of the bot than this one.</summary>
    SchemaTooNew,
}
