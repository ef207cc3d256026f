using Postmortem.Discord.Models;

namespace Postmortem.Discord.Gateway;

/// <summary>Finds guild members by the start of their username (op 8 with a query; no privileged intent needed).</summary>
public interface IGuildMemberSearch
{
    /// <summary>Up to <paramref name="limit"/> (1–100) members whose username starts with <paramref name="prefix"/>.</summary>
    /// <exception cref="TimeoutException">No answer within the gateway's member-request timeout.</exception>
    /// <exception cref="GatewayRateLimitedException">Discord refused the request for a while.</exception>
    Task<IReadOnlyList<GuildMember>> SearchMembersAsync(Snowflake guildId, string prefix, int limit, CancellationToken cancellationToken);
}
