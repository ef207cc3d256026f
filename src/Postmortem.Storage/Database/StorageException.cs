namespace Postmortem.Storage.Database;

/// <summary>
/// An environment problem with the database file, with a message that names the file and says what to do.
/// The host logs it once and stops (or the front end tells the user to try again later).
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

    public StorageException(StorageFailure failure, string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        DatabasePath = databasePath;
    }

    public StorageFailure Failure { get; }

    public string DatabasePath { get; }
}
