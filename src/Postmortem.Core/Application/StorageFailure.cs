namespace Postmortem.Core.Application;

/// <summary>Why a store could not be used.</summary>
public enum StorageFailure
{
    /// <summary>The stored data is damaged or not in the adapter's format.</summary>
    Corrupt,

    /// <summary>The store cannot be opened, read or written (permissions, disk, network, server down).</summary>
    Unavailable,

    /// <summary>Another writer kept the store locked through every bounded retry.</summary>
    Busy,

    /// <summary>The data was written by a newer build of the bot than this one.</summary>
    SchemaTooNew,
}
