using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Application;

/// <summary>Another writer saved the postmortem after it was loaded; reload and re-apply the command.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException()
        : base("The postmortem was changed by someone else since it was loaded.")
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConcurrencyException(PostmortemId id, long expectedVersion)
        : base($"Postmortem {id} is no longer at version {expectedVersion}; someone else saved it first.")
    {
        PostmortemId = id;
        ExpectedVersion = expectedVersion;
    }

    public PostmortemId PostmortemId { get; }

    public long ExpectedVersion { get; }
}
