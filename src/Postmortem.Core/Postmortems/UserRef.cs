namespace Postmortem.Core.Postmortems;

/// <summary>An opaque user identity (a Discord user id in practice) and the name to show for it.</summary>
public sealed record UserRef(string Id, string DisplayName)
{
    /// <summary>Two references are the same person when their ids match; display names may change.</summary>
    public bool IsSamePerson(UserRef? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);
}
