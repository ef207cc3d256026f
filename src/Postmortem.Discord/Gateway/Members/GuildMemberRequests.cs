using System.Collections.Concurrent;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// Matches GUILD_MEMBERS_CHUNK and RATE_LIMITED dispatches to the op 8 requests waiting for them, by nonce, as they
/// arrive on the shard (before the handlers' queues, so a busy handler cannot delay an answer). Every event still
/// goes on to <paramref name="inner"/>.
/// </summary>
internal sealed class GuildMemberRequests(IGatewayEventSink inner) : IGatewayEventSink
{
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>A fresh nonce (32 characters, Discord's maximum is 32 bytes) and the answer it will complete.</summary>
    public (string Nonce, Task<GuildMembersResult> Answer) Register(Snowflake guildId)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var pending = new Pending(guildId);
        _pending[nonce] = pending;
        return (nonce, pending.Answer.Task);
    }

    public void Forget(string nonce) => _pending.TryRemove(nonce, out _);

    public ValueTask PublishAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        switch (evt)
        {
            case GuildMembersChunkEvent { Chunk: { Nonce: { } nonce } chunk } when _pending.TryGetValue(nonce, out var pending):
                if (pending.Add(chunk))
                {
                    Forget(nonce);
                }

                break;
            case GatewayRateLimitedEvent { RateLimited: { Opcode: (int)GatewayOpcode.RequestGuildMembers, Meta.Nonce: { } nonce } limited }
                when _pending.TryRemove(nonce, out var refused):
                refused.Answer.TrySetException(new GatewayRateLimitedException(limited.Opcode, TimeSpan.FromSeconds(limited.RetryAfter)));
                break;
        }

        return inner.PublishAsync(evt, cancellationToken);
    }

    private sealed class Pending(Snowflake guildId)
    {
        private readonly Lock _gate = new();
        private readonly List<GuildMember> _members = [];
        private readonly List<Snowflake> _notFound = [];
        private readonly HashSet<int> _chunks = [];

        public TaskCompletionSource<GuildMembersResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Adds a chunk; true once every chunk arrived and the answer is complete.</summary>
        public bool Add(GuildMembersChunk chunk)
        {
            lock (_gate)
            {
                if (!_chunks.Add(chunk.ChunkIndex))
                {
                    return false;
                }

                _members.AddRange(chunk.Members);
                _notFound.AddRange(chunk.NotFound ?? []);
                if (_chunks.Count < Math.Max(1, chunk.ChunkCount))
                {
                    return false;
                }

                Answer.TrySetResult(new GuildMembersResult(guildId, [.. _members], [.. _notFound]));
                return true;
            }
        }
    }
}
