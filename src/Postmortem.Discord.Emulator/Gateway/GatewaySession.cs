using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// A gateway session: the sequence counter and the log of dispatches it was sent, so a Resume can replay
/// what the bot missed. Guarded by the gateway's lock.
/// </summary>
internal sealed class GatewaySession(string id, EmulatorIntents intents, int shardId, int shardCount)
{
    private const int MaxLog = 5000;
    private readonly List<(int Seq, string Json)> _log = [];

    public string Id { get; } = id;

    public EmulatorIntents Intents { get; } = intents;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public int Seq { get; private set; }

    public bool IsInvalid { get; set; }

    public GatewayConnection? Connection { get; set; }

    /// <summary>Numbers a dispatch, logs it and returns the payload text to send.</summary>
    public string Append(string name, JsonNode data)
    {
        Seq++;
        var json = new JsonObject { ["op"] = 0, ["d"] = data, ["s"] = Seq, ["t"] = name }.ToJsonString();
        _log.Add((Seq, json));
        if (_log.Count > MaxLog)
        {
            _log.RemoveAt(0);
        }

        return json;
    }

    /// <summary>The dispatches after <paramref name="seq"/>, or null when the log no longer reaches back that far.</summary>
    public IReadOnlyList<string>? Since(int seq)
    {
        if (_log.Count > 0 && _log[0].Seq > seq + 1)
        {
            return null;
        }

        return [.. _log.Where(e => e.Seq > seq).Select(e => e.Json)];
    }

    public bool Wants(DispatchEvent dispatch)
    {
        if (dispatch.Intents != EmulatorIntents.None && (Intents & dispatch.Intents) == 0)
        {
            return false;
        }

        return dispatch.GuildId is { } guildId ? OwnsGuild(guildId) : ShardId == 0;
    }

    /// <summary>Sharding: guild events go to shard (guild_id &gt;&gt; 22) % num_shards; the rest to shard 0.</summary>
    public bool OwnsGuild(ulong guildId) => (int)((guildId >> 22) % (ulong)ShardCount) == ShardId;
}
