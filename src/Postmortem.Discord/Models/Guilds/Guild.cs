namespace Postmortem.Discord.Models;

/// <summary>
/// A guild (resources/guild). GUILD_CREATE adds <see cref="JoinedAt"/>, <see cref="MemberCount"/>, <see cref="Large"/>,
/// <see cref="Channels"/> and <see cref="Threads"/> (the active threads); those are null/empty elsewhere.
/// </summary>
public sealed record Guild
{
    public Snowflake Id { get; init; }

    public string Name { get; init; } = "";

    public string? Icon { get; init; }

    public Snowflake? OwnerId { get; init; }

    public string? PreferredLocale { get; init; }

    public IReadOnlyList<Role> Roles { get; init; } = [];

    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>True when Discord could not deliver the guild (outage); then only <see cref="Id"/> is set.</summary>
    public bool? Unavailable { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }

    public bool? Large { get; init; }

    public int? MemberCount { get; init; }

    /// <summary>GUILD_CREATE only. These channel objects carry no guild_id; it is this guild's.</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];

    /// <summary>GUILD_CREATE only: the active threads the bot can see.</summary>
    public IReadOnlyList<Channel> Threads { get; init; } = [];
}

/// <summary>The stub READY lists and GUILD_DELETE sends: an id and whether the guild is merely unavailable.</summary>
public sealed record UnavailableGuild
{
    public Snowflake Id { get; init; }

    /// <summary>On GUILD_DELETE, false/absent means the bot was removed from the guild.</summary>
    public bool? Unavailable { get; init; }
}
