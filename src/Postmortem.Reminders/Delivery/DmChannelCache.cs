using System.Collections.Concurrent;
using Postmortem.Core.Chat;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Reminders.Delivery;

/// <summary>
/// DM channel ids by user, in memory and in <c>dm_channels</c>, so each reminder costs one request (create
/// message) rather than two (open DM + create message), also after a restart.
/// </summary>
public sealed class DmChannelCache(IDiscordRestClient rest, IDmChannelStore store, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<Snowflake, Snowflake> _channels = new();
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile bool _loaded;

    /// <summary>The known DM channel, or null.</summary>
    public async Task<Snowflake?> FindAsync(Snowflake userId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return _channels.TryGetValue(userId, out var channel) ? channel : null;
    }

    /// <summary>The DM channel with a user, opening it (one request) the first time.</summary>
    public async Task<Snowflake> GetOrOpenAsync(Snowflake userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, cancellationToken) is { } known)
        {
            return known;
        }

        var channel = await rest.CreateDmAsync(userId, cancellationToken);
        _channels[userId] = channel.Id;
        await store.SaveAsync(userId.ToString(), channel.Id.ToString(), time.GetUtcNow(), cancellationToken);
        return channel.Id;
    }

    /// <summary>Drops a channel Discord no longer knows.</summary>
    public async Task ForgetAsync(Snowflake userId, CancellationToken cancellationToken)
    {
        _channels.TryRemove(userId, out _);
        await store.ForgetAsync(userId.ToString(), cancellationToken);
    }

    public void Dispose() => _loadGate.Dispose();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                foreach (var (user, channel) in await store.LoadAllAsync(cancellationToken))
                {
                    if (Snowflake.TryParse(user, out var userId) && Snowflake.TryParse(channel, out var channelId))
                    {
                        _channels.TryAdd(userId, channelId);
                    }
                }

                _loaded = true;
            }
        }
        finally
        {
            _loadGate.Release();
        }
    }
}
