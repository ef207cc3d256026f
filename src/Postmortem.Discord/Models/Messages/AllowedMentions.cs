namespace Postmortem.Discord.Models;

/// <summary>
/// Which mentions in a message may ping (resources/message "Allowed Mentions Object"). The REST client sends
/// <see cref="None"/> unless the caller passes something else, so a bot never pings by accident.
/// </summary>
public sealed record AllowedMentions
{
    /// <summary>"users", "roles" and/or "everyone": ping every mention of that kind. An empty list pings nothing.</summary>
    public IReadOnlyList<string>? Parse { get; init; }

    /// <summary>Users allowed to be pinged (must not be combined with "users" in <see cref="Parse"/>).</summary>
    public IReadOnlyList<Snowflake>? Users { get; init; }

    public IReadOnlyList<Snowflake>? Roles { get; init; }

    public bool? RepliedUser { get; init; }

    /// <summary><c>{"parse":[]}</c>: no pings at all.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>Ping exactly these users and nobody else.</summary>
    public static AllowedMentions OnlyUsers(params IEnumerable<Snowflake> users) => new() { Parse = [], Users = [.. users] };
}
