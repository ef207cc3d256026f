using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// Request Guild Members (op 8) as gateway-events.mdx documents it: one guild per request, query (a username prefix,
/// "" for everyone) with limit or user_ids, presences only with GUILD_PRESENCES, a nonce of at most 32 bytes echoed
/// (an invalid one is dropped), answered with GUILD_MEMBERS_CHUNK events of up to 1000 members each. A prefix search
/// and an id list return at most 100 members; the whole list needs GUILD_MEMBERS and is limited to one request per
/// guild per 30 s (change log, August 2025), refused beyond that with a RATE_LIMITED dispatch.
/// </summary>
internal sealed class GuildMemberRequests(EmulatorState state)
{
    public const int MembersPerChunk = 1000;
    public const int MaxSearchResults = 100;
    public static readonly TimeSpan FullListInterval = TimeSpan.FromSeconds(30);
    private const int MaxNonceBytes = 32;

    private readonly Dictionary<ulong, DateTimeOffset> _lastFullList = [];

    /// <summary>What to send back; a problem is a broken rule that closes the socket with 4001.</summary>
    public (IReadOnlyList<(string Name, JsonObject Data)> Dispatches, string? Problem) Answer(GatewaySession session, JsonObject? d)
    {
        if (d?["guild_id"] is not JsonValue idValue || !ulong.TryParse(idValue.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var guildId))
        {
            return ([], "Request Guild Members needs guild_id (one guild per request).");
        }

        var query = d["query"] is JsonValue q && q.TryGetValue<string>(out var text) ? text : null;
        var userIds = UserIds(d["user_ids"]);
        if ((query is null) == (userIds is null))
        {
            return ([], "Request Guild Members needs exactly one of query and user_ids.");
        }

        var limit = d["limit"].Int();
        if (query is not null && limit is not (>= 0))
        {
            return ([], "Request Guild Members with a query needs a limit (0 with an empty query returns everyone).");
        }

        var fullList = query == "" && limit == 0;
        if (fullList && !session.Intents.HasFlag(EmulatorIntents.GuildMembers))
        {
            return ([], "Requesting the entire member list (query \"\", limit 0) needs the GUILD_MEMBERS intent.");
        }

        var nonce = d["nonce"] is JsonValue n && n.TryGetValue<string>(out var given) && Encoding.UTF8.GetByteCount(given) <= MaxNonceBytes ? given : null;
        if (state.FindGuild(guildId) is not { } guild || !session.OwnsGuild(guildId))
        {
            return ([], $"Request Guild Members for guild {guildId}, which this session does not receive.");
        }

        var now = state.Time.GetUtcNow();
        if (fullList)
        {
            if (_lastFullList.TryGetValue(guildId, out var last) && now - last < FullListInterval)
            {
                var retryAfter = FullListInterval - (now - last);
                state.AddRateLimitHit(new RateLimitHit(now, "gateway op 8 (whole member list)", guildId.ToString(CultureInfo.InvariantCulture), false, retryAfter));
                return ([("RATE_LIMITED", RateLimited(guildId, nonce, retryAfter))], null);
            }

            _lastFullList[guildId] = now;
        }

        var members = guild.Members;
        IReadOnlyList<EmulatedMember> found;
        JsonArray? notFound = null;
        if (userIds is not null)
        {
            var wanted = userIds.Take(MaxSearchResults).ToList();
            found = [.. members.Where(m => wanted.Contains(m.User.Id))];
            notFound = [.. wanted.Where(id => found.All(m => m.User.Id != id)).Select(id => (JsonNode)id.ToString(CultureInfo.InvariantCulture))];
        }
        else if (fullList)
        {
            found = members;
        }
        else
        {
            var cap = limit is > 0 and < MaxSearchResults ? limit.Value : MaxSearchResults;
            found = [.. members.Where(m => m.User.Name.StartsWith(query!, StringComparison.OrdinalIgnoreCase)).Take((int)cap)];
        }

        return (Chunks(guildId, found, notFound, nonce), null);
    }

    private static List<(string, JsonObject)> Chunks(ulong guildId, IReadOnlyList<EmulatedMember> found, JsonArray? notFound, string? nonce)
    {
        var count = Math.Max(1, (found.Count + MembersPerChunk - 1) / MembersPerChunk);
        var chunks = new List<(string, JsonObject)>(count);
        for (var index = 0; index < count; index++)
        {
            var chunk = new JsonObject
            {
                ["guild_id"] = guildId.ToString(CultureInfo.InvariantCulture),
                ["members"] = new JsonArray([.. found.Skip(index * MembersPerChunk).Take(MembersPerChunk).Select(m => (JsonNode)DiscordJson.Member(m, withUser: true))]),
                ["chunk_index"] = index,
                ["chunk_count"] = count,
            };
            if (notFound is not null && index == 0)
            {
                chunk["not_found"] = notFound;
            }

            if (nonce is not null)
            {
                chunk["nonce"] = nonce;
            }

            chunks.Add(("GUILD_MEMBERS_CHUNK", chunk));
        }

        return chunks;
    }

    private static JsonObject RateLimited(ulong guildId, string? nonce, TimeSpan retryAfter)
    {
        var meta = new JsonObject { ["guild_id"] = guildId.ToString(CultureInfo.InvariantCulture) };
        if (nonce is not null)
        {
            meta["nonce"] = nonce;
        }

        return new JsonObject { ["opcode"] = 8, ["retry_after"] = Math.Round(retryAfter.TotalSeconds, 3), ["meta"] = meta };
    }

    // A snowflake or an array of snowflakes; null when absent or malformed.
    private static List<ulong>? UserIds(JsonNode? node) => node switch
    {
        JsonValue one when Snowflake(one) is { } id => [id],
        JsonArray many when many.Select(Snowflake).ToList() is var ids && ids.All(i => i is not null) => [.. ids.Select(i => i!.Value)],
        _ => null,
    };

    private static ulong? Snowflake(JsonNode? node) =>
        node is JsonValue value && ulong.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
