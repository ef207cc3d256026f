using Postmortem.Discord.Emulator;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Rest;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Postmortem.Discord.Tests.Integration.Support;

/// <summary>
/// Our real client (DiscordRestClient, DiscordGatewayClient) against the Discord emulator over real sockets on
/// loopback, sharing one <see cref="WarpClock"/>. The emulator starts with a guild, a text channel and a member;
/// <see cref="ConnectAsync"/> starts the gateway with an <see cref="EventRecorder"/> plus any handlers a test adds.
/// </summary>
internal sealed class LiveDiscord : IAsyncDisposable
{
    /// <summary>Generous: it only matters when something is broken.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>What the emulator needs for gateway tests: a heartbeat every 200 ms instead of Discord's 41.25 s.</summary>
    public static readonly EmulatorOptions GatewayDefaults = new() { HeartbeatInterval = TimeSpan.FromMilliseconds(200) };

    private readonly HttpClient _http = new();
    private GatewayEventDispatcher? _dispatcher;
    private DiscordGatewayClient? _gateway;

    private LiveDiscord(DiscordEmulator emulator, WarpClock clock)
    {
        Emulator = emulator;
        Clock = clock;
        Options = new DiscordOptions
        {
            Token = emulator.BotToken,
            ApiBaseUrl = emulator.ApiBaseUrl,
            // Not privileged: the emulator enables no privileged intent unless a test says so.
            Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages,
        };
        // Its own copy of the settings, so a test can misconfigure the gateway's token without touching REST.
        Rest = NewRestClient(new DiscordOptions { Token = emulator.BotToken, ApiBaseUrl = emulator.ApiBaseUrl });
        Guild = emulator.CreateGuild("Ops");
        Channel = Guild.CreateTextChannel("incidents");
        User = emulator.CreateUser("alice");
        Guild.AddMember(User);
    }

    public DiscordEmulator Emulator { get; }

    /// <summary>The emulator's clock and the client's.</summary>
    public WarpClock Clock { get; }

    /// <summary>Token and API url of the emulator; change before <see cref="ConnectAsync"/> to misconfigure the bot.</summary>
    public DiscordOptions Options { get; }

    /// <summary>Short waits so reconnect tests run in milliseconds.</summary>
    public GatewayOptions GatewaySettings { get; } = new()
    {
        ReconnectDelayMin = TimeSpan.FromMilliseconds(10),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(100),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(20),
        HelloTimeout = TimeSpan.FromSeconds(5),
        CloseTimeout = TimeSpan.FromSeconds(2),
    };

    public DiscordRestClient Rest { get; }

    public LogCapture Logs { get; } = new();

    public EventRecorder Events { get; } = new();

    public DiscordGatewayClient Gateway => _gateway ?? throw new InvalidOperationException("Call ConnectAsync first.");

    public EmulatedGuild Guild { get; }

    public EmulatedChannel Channel { get; }

    public EmulatedUser User { get; }

    /// <param name="emulator">Emulator settings; its <see cref="EmulatorOptions.Time"/> is replaced by the shared clock.</param>
    /// <param name="speed">How much faster than real time the shared clock runs.</param>
    public static async Task<LiveDiscord> StartAsync(EmulatorOptions? emulator = null, double speed = 1)
    {
        var clock = new WarpClock(speed);
        var started = await DiscordEmulator.StartAsync((emulator ?? new EmulatorOptions()) with { Time = clock, WaitTimeout = Timeout });
        return new LiveDiscord(started, clock);
    }

    /// <summary>
    /// Starts the gateway client (GET /gateway/bot, then every shard) with <see cref="Options"/> for both the gateway
    /// and its REST calls; returns at once.
    /// </summary>
    public Task<DiscordGatewayClient> ConnectAsync(params IGatewayEventHandler[] handlers) =>
        ConnectWithAsync(Options.Token == Emulator.BotToken ? Rest : NewRestClient(Options), handlers);

    /// <summary>As <see cref="ConnectAsync"/>, with the given REST client for GET /gateway/bot.</summary>
    public async Task<DiscordGatewayClient> ConnectWithAsync(IDiscordRestClient rest, params IGatewayEventHandler[] handlers)
    {
        if (_gateway is not null)
        {
            throw new InvalidOperationException("Already connected.");
        }

        var gatewayOptions = MsOptions.Create(GatewaySettings);
        _dispatcher = new GatewayEventDispatcher([Events, .. handlers], gatewayOptions, Logs.CreateLogger<GatewayEventDispatcher>());
        _gateway = new DiscordGatewayClient(rest, _dispatcher, MsOptions.Create(Options), gatewayOptions, Clock, Logs);
        await _gateway.StartAsync(CancellationToken.None);
        return _gateway;
    }

    /// <summary>Connects and waits for READY and the guild's GUILD_CREATE.</summary>
    public async Task<ReadyEvent> ConnectAndWaitForGuildAsync(params IGatewayEventHandler[] handlers)
    {
        await ConnectAsync(handlers);
        await Events.WaitForAsync<GuildCreateEvent>(g => g.Guild.Id.Value == Guild.Id, "the guild's GUILD_CREATE");
        return await Events.WaitForAsync<ReadyEvent>();
    }

    /// <summary>
    /// The emulator saw no broken rule (schema, limits, protocol), nothing failed badly enough to log an error (a
    /// handler that threw, say), and no log line carried a secret: the bot token or one of <paramref name="secrets"/>.
    /// </summary>
    public void AssertBrokeNoRules(params string[] secrets)
    {
        Emulator.ThrowIfViolations();
        Assert.DoesNotContain(Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
        AssertTokenNeverLogged();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    public void AssertTokenNeverLogged() =>
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(Emulator.BotToken, StringComparison.Ordinal));

    private DiscordRestClient NewRestClient(DiscordOptions options) =>
        new(_http, MsOptions.Create(options), Clock, Logs.CreateLogger<DiscordRestClient>());

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            using var stopping = new CancellationTokenSource(Timeout);
            await _gateway.StopAsync(stopping.Token);
            await _gateway.DisposeAsync();
        }

        if (_dispatcher is not null)
        {
            await _dispatcher.DisposeAsync();
        }

        _http.Dispose();
        await Emulator.DisposeAsync();
    }
}
