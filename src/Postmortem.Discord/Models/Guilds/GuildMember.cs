namespace Postmortem.Discord.Models;

/// <summary>A user's membership in a guild (resources/guild "Guild Member Object").</summary>
public sealed record GuildMember
{
    /// <summary>Absent in MESSAGE_CREATE's member and in resolved members (the user sits beside it).</summary>
    public User? User { get; init; }

    public string? Nick { get; init; }

    public string? Avatar { get; init; }

    public IReadOnlyList<Snowflake> Roles { get; init; } = [];

    public DateTimeOffset? JoinedAt { get; init; }

    public bool? Pending { get; init; }

    /// <summary>Total permissions in the interaction's channel; present only on interaction payloads.</summary>
    public Permissions? Permissions { get; init; }

    /// <summary>Server nickname, else the user's display name.</summary>
    public string? DisplayName => Nick ?? User?.DisplayName;
}
