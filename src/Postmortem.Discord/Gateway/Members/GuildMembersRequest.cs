using Postmortem.Discord.Models;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// What to ask in a Request Guild Members (op 8, gateway-events "Request Guild Members"): members whose username
/// starts with a prefix, members by id, or every member. Discord caps a prefix search and an id list at 100
/// members, allows one guild per request, and answers the full list only with the GUILD_MEMBERS intent.
/// Presences are never asked for: the bot has no use for them and they need another privileged intent.
/// </summary>
public sealed record GuildMembersRequest
{
    /// <summary>Discord's cap on a prefix search and on an id list.</summary>
    public const int MaxMembers = 100;

    private GuildMembersRequest(Snowflake guildId, string? query, int? limit, IReadOnlyList<Snowflake>? userIds)
    {
        GuildId = guildId;
        Query = query;
        Limit = limit;
        UserIds = userIds;
    }

    public Snowflake GuildId { get; }

    public string? Query { get; }

    public int? Limit { get; }

    public IReadOnlyList<Snowflake>? UserIds { get; }

    /// <summary>The whole member list (query "" with limit 0): needs GUILD_MEMBERS, and Discord allows it once per 30 s per guild.</summary>
    public bool IsFullList => Query == "" && Limit == 0;

    /// <summary>Up to <paramref name="limit"/> members whose username starts with <paramref name="prefix"/>.</summary>
    public static GuildMembersRequest Search(Snowflake guildId, string prefix, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxMembers);
        return new GuildMembersRequest(guildId, prefix, limit, null);
    }

    /// <summary>The members with these ids; ids that are not members come back in <see cref="GuildMembersResult.NotFound"/>.</summary>
    public static GuildMembersRequest ByIds(Snowflake guildId, IReadOnlyList<Snowflake> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(userIds.Count, 1, nameof(userIds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(userIds.Count, MaxMembers, nameof(userIds));
        return new GuildMembersRequest(guildId, null, null, [.. userIds]);
    }

    /// <summary>Every member of the guild.</summary>
    public static GuildMembersRequest All(Snowflake guildId) => new(guildId, "", 0, null);

    internal RequestGuildMembersCommand ToCommand(string nonce) => new(
        GuildId.ToString(), Query, Limit, Presences: false, UserIds?.Select(id => id.ToString()).ToArray(), nonce);
}

/// <summary>Every member the chunks of one request carried, and the requested ids that are not members.</summary>
public sealed record GuildMembersResult(Snowflake GuildId, IReadOnlyList<GuildMember> Members, IReadOnlyList<Snowflake> NotFound);

/// <summary>Op 8's "d" as sent.</summary>
internal sealed record RequestGuildMembersCommand(
    string GuildId, string? Query, int? Limit, bool Presences, IReadOnlyList<string>? UserIds, string Nonce);
