namespace Postmortem.Storage.Database;

/// <summary>
/// The result of <c>PRAGMA wal_checkpoint</c>: whether it was blocked, how many frames the WAL holds and how
/// many of them are now in the database file.
/// </summary>
public sealed record WalCheckpoint(bool Blocked, int LogFrames, int CheckpointedFrames)
{
    public bool IsComplete => !Blocked && CheckpointedFrames == LogFrames;
}
