namespace Postmortem.Core.Application;

/// <summary>
/// An environment problem with a store, thrown by every storage adapter behind every port (never the adapter's
/// own exception types), with a message that names the store and says what to do. <see cref="Location"/> names
/// the file or server without secrets (no passwords, no connection strings). Front ends tell the user to try
/// again later, with nothing changed; the host logs it once and stops when it happens at startup.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException()
        : this(StorageFailure.Unavailable, "", "The database is not available.")
    {
    }

    public StorageException(string message)
        : this(StorageFailure.Unavailable, "", message)
    {
    }

    public StorageException(string message, Exception innerException)
        : this(StorageFailure.Unavailable, "", message, innerException)
    {
    }

    public StorageException(StorageFailure failure, string location, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Location = location;
    }

    public StorageFailure Failure { get; }

    /// <summary>The file or server the failure is about (e.g. the database path); never a secret.</summary>
    public string Location { get; }
}
