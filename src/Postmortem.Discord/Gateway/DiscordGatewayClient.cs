using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// Runs this process's shards: asks GET /gateway/bot where to connect, how many shards Discord
/// recommends and how fast it may identify, then starts the shards in identify-concurrency order.
/// <see cref="Completion"/> faults with <see cref="GatewayFatalException"/> when Discord refuses the bot.
/// </summary>
public sealed class DiscordGatewayClient : IGuildMemberSearch, IAsyncDisposable
{
    private readonly IDiscordRestClient _rest;
    private readonly GatewayEventDispatcher _dispatcher;
    private readonly DiscordOptions _options;
    private readonly GatewayOptions _gateway;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly IdentifyGate _identifyGate;
    private readonly GuildMemberRequests _memberRequests;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stopping;
    private Task? _run;
    private volatile GatewayShard[] _shards = [];
    private int _disposed;

    public DiscordGatewayClient(
        IDiscordRestClient rest,
        GatewayEventDispatcher dispatcher,
        IOptions<DiscordOptions> options,
        IOptions<GatewayOptions> gateway,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _rest = rest;
        _dispatcher = dispatcher;
        _options = options.Value;
        _gateway = gateway.Value;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<DiscordGatewayClient>();
        _identifyGate = new IdentifyGate(time, _logger);
        _memberRequests = new GuildMemberRequests(dispatcher);
    }

    /// <summary>The shards this process runs, once GET /gateway/bot answered.</summary>
    public IReadOnlyList<GatewayShard> Shards => _shards;

    /// <summary>Completes after <see cref="StopAsync"/>; faults with <see cref="GatewayFatalException"/> if Discord refused the bot.</summary>
    public Task Completion
    {
        get
        {
            lock (_gate)
            {
                return _run ?? Task.CompletedTask;
            }
        }
    }

    /// <summary>Discord's sharding formula: which shard receives a guild's events.</summary>
    public static int GetShardId(Snowflake guildId, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        return (int)((guildId.Value >> 22) % (ulong)shardCount);
    }

    /// <summary>The local shard that receives the guild's events, or null when another process runs it.</summary>
    public GatewayShard? GetShardFor(Snowflake guildId) =>
        _shards.FirstOrDefault(s => s.ShardId == GetShardId(guildId, s.ShardCount));

    /// <summary>
    /// Sends a Request Guild Members (op 8) on the shard that owns the guild and collects every GUILD_MEMBERS_CHUNK
    /// of the answer (matched by nonce).
    /// </summary>
    /// <exception cref="InvalidOperationException">The full list without the GUILD_MEMBERS intent, or no local shard owns the guild.</exception>
    /// <exception cref="TimeoutException">Not every chunk arrived within <see cref="GatewayOptions.MemberRequestTimeout"/>.</exception>
    /// <exception cref="GatewayRateLimitedException">Discord answered RATE_LIMITED.</exception>
    public async Task<GuildMembersResult> RequestGuildMembersAsync(GuildMembersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsFullList && !_options.Intents.HasFlag(GatewayIntents.GuildMembers))
        {
            throw new InvalidOperationException("Discord sends the whole member list only with the GUILD_MEMBERS intent (Discord:Intents).");
        }

        var shard = GetShardFor(request.GuildId)
            ?? throw new InvalidOperationException($"No shard of this process receives guild {request.GuildId}.");
        var (nonce, answer) = _memberRequests.Register(request.GuildId);
        try
        {
            await shard.SendAsync(GatewayOpcode.RequestGuildMembers, request.ToCommand(nonce), GatewayJsonContext.Default.RequestGuildMembersCommand, cancellationToken);
            return await answer.WaitAsync(_gateway.MemberRequestTimeout, _time, cancellationToken);
        }
        finally
        {
            _memberRequests.Forget(nonce);
        }
    }

    public async Task<IReadOnlyList<GuildMember>> SearchMembersAsync(Snowflake guildId, string prefix, int limit, CancellationToken cancellationToken) =>
        (await RequestGuildMembersAsync(GuildMembersRequest.Search(guildId, prefix, limit), cancellationToken)).Members;

    /// <summary>
    /// Shards grouped into start rounds: round n holds the n-th shard of every rate-limit bucket
    /// (<c>shard_id % max_concurrency</c>), so each round can identify at once and rounds go in order.
    /// </summary>
    public static IReadOnlyList<int[]> StartRounds(IEnumerable<int> shardIds, int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var buckets = shardIds.Distinct().Order().GroupBy(id => IdentifyGate.RateLimitKey(id, maxConcurrency)).ToArray();
        var rounds = buckets.Length == 0 ? 0 : buckets.Max(b => b.Count());
        return [.. Enumerable.Range(0, rounds).Select(n => buckets.Where(b => b.Count() > n).Select(b => b.ElementAt(n)).Order().ToArray())];
    }

    /// <summary>Starts connecting in the background and returns at once; watch <see cref="Completion"/>.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_run is not null)
            {
                throw new InvalidOperationException("The gateway client was already started.");
            }

            _stopping = new CancellationTokenSource();
            _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Closes every shard (ending its session) and lets the handlers finish, within <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? run;
        lock (_gate)
        {
            run = _run;
            _stopping?.Cancel();
        }

        if (run is not null)
        {
            await run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _dispatcher.StopAsync(cancellationToken);
    }

    // Idempotent: the container disposes this once as itself and once as IGuildMemberSearch.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        _stopping?.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var info = await GetGatewayBotAsync(stoppingToken);
            var limit = info.SessionStartLimit;
            _identifyGate.Update(new IdentifyLimits(limit.Total, limit.Remaining, limit.ResetAfterTime, Math.Max(1, limit.MaxConcurrency)));
            var shardCount = _options.ShardCount ?? Math.Max(1, info.Shards);
            int[] shardIds = _options.ShardIds.Count > 0 ? [.. _options.ShardIds.Distinct().Order()] : [.. Enumerable.Range(0, shardCount)];
            var outside = shardIds.Where(id => id < 0 || id >= shardCount).ToArray();
            if (outside.Length > 0)
            {
                throw new GatewayFatalException(
                    $"Discord:ShardIds lists shard {outside[0]}, but shard ids run from 0 to {shardCount - 1} (Discord:ShardCount): fix the configuration");
            }

            var shards = shardIds.ToDictionary(id => id, id => new GatewayShard(
                id, shardCount, info.Url, _options, _gateway, _identifyGate, _memberRequests, _time, _loggers.CreateLogger<GatewayShard>()));
            _shards = [.. shards.Values];
            GatewayLog.StartingShards(_logger, shardIds.Length, shardCount, _identifyGate.MaxConcurrency, limit.Remaining);
            await RunShardsAsync(shards, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunShardsAsync(Dictionary<int, GatewayShard> shards, CancellationToken stoppingToken)
    {
        // One fatal shard stops them all: whatever Discord refused applies to every shard of the bot.
        using var shardsStopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var runs = new List<Task>();
        foreach (var round in StartRounds(shards.Keys, _identifyGate.MaxConcurrency))
        {
            if (shardsStopping.IsCancellationRequested)
            {
                break;
            }

            var started = round.Select(id => (Shard: shards[id], Run: RunShardAsync(shards[id], shardsStopping))).ToArray();
            runs.AddRange(started.Select(s => s.Run));
            await Task.WhenAll(started.Select(s => Task.WhenAny(s.Shard.FirstIdentifySent, s.Run))).WaitAsync(stoppingToken);
        }

        await Task.WhenAll(runs);
    }

    private static async Task RunShardAsync(GatewayShard shard, CancellationTokenSource shardsStopping)
    {
        try
        {
            await shard.RunAsync(shardsStopping.Token);
        }
        catch
        {
            await shardsStopping.CancelAsync();
            throw;
        }
    }

    private async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(_gateway.ReconnectDelayMin, _gateway.ReconnectDelayMax, Random.Shared);
        while (true)
        {
            try
            {
                return await _rest.GetGatewayBotAsync(stoppingToken);
            }
            catch (DiscordHttpException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new GatewayFatalException(
                    GatewayCloseCodes.DescribeFatal(GatewayCloseCodes.AuthenticationFailed, _options.Intents), ex);
            }
            catch (DiscordHttpException ex) when ((int)ex.StatusCode is >= 400 and < 500 and not 429)
            {
                throw new GatewayFatalException($"Discord refused GET /gateway/bot ({(int)ex.StatusCode}): {ex.DiscordMessage}", ex);
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
            {
                // The REST client already retried; Discord or the network is down, so keep trying more slowly.
                var delay = backoff.NextDelay();
                GatewayLog.GatewayInfoFailed(_logger, ex.Message, delay);
                await Task.Delay(delay, _time, stoppingToken);
            }
        }
    }
}
