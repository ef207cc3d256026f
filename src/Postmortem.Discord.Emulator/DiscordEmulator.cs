using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// A fake Discord on 127.0.0.1 that speaks the real protocol (REST under /api/v10 and the gateway over a
/// websocket) and holds the bot to Discord's documented rules. Arrange with <see cref="CreateGuild"/> and
/// <see cref="CreateUser"/>, act as users (<see cref="RunSlashCommandAsync"/>, <see cref="ClickButtonAsync"/>,
/// ...), assert on channels, <see cref="Requests"/> and <see cref="Violations"/>.
/// </summary>
public sealed partial class DiscordEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly GatewayServer _gateway;
    private readonly FaultInjection _faults;

    private DiscordEmulator(WebApplication app, EmulatorState state, GatewayServer gateway, FaultInjection faults, RateLimitSettings rateLimits)
    {
        _app = app;
        _state = state;
        _gateway = gateway;
        _faults = faults;
        RateLimits = rateLimits;
        Gateway = new EmulatedGateway(gateway, state);
    }

    public static async Task<DiscordEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        if (options.HistoryLimit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HistoryLimit, "HistoryLimit must be at least 1, or null to keep everything.");
        }

        var state = new EmulatorState(options);
        var gateway = new GatewayServer(state);
        state.Events = gateway;
        var faults = new FaultInjection();
        var rateLimits = new RateLimitSettings();
        var checks = new RequestChecks(state);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();

        var pipeline = new RestPipeline(state, new RateLimiter(state, rateLimits), faults);
        app.UseWebSockets();
        app.UseRouting();
        app.Use(pipeline.InvokeAsync);
        var router = new RestRouter(app, state, faults);
        new ApplicationEndpoints(state, gateway, checks).Map(router);
        new InteractionEndpoints(state, checks).Map(router);
        new MessageEndpoints(state, checks).Map(router);
        new ChannelEndpoints(state, checks).Map(router);
        new UserEndpoints(state, checks).Map(router);
        new ScheduledEventEndpoints(state, checks).Map(router);
        rateLimits.SetKnownRoutes(router.Routes.Select(r => r.Key));
        AttachmentEndpoints.Map(app, state);
        app.Map("/gateway", http => gateway.AcceptAsync(http, resumeUrl: false));
        app.Map("/resume-gateway", http => gateway.AcceptAsync(http, resumeUrl: true));

        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        state.BaseUrl = new Uri($"http://127.0.0.1:{address.Port}/");
        gateway.Url = new Uri($"ws://127.0.0.1:{address.Port}/gateway");
        gateway.ResumeUrl = new Uri($"ws://127.0.0.1:{address.Port}/resume-gateway");
        return new DiscordEmulator(app, state, gateway, faults, rateLimits);
    }

    /// <summary>e.g. http://127.0.0.1:PORT/api/v10/ (with the trailing slash, for HttpClient.BaseAddress).</summary>
    public Uri ApiBaseUrl => new(_state.BaseUrl, RestRouter.Prefix.TrimStart('/') + "/");

    /// <summary>What GET /gateway/bot returns: ws://127.0.0.1:PORT/gateway.</summary>
    public Uri GatewayUrl => _gateway.Url;

    /// <summary>The only token the emulator accepts (REST <c>Authorization: Bot …</c> and Identify).</summary>
    public string BotToken => _state.Token;

    public ulong ApplicationId => _state.ApplicationId;

    public EmulatedUser BotUser => _state.BotUser;

    public EmulatorOptions Options => _state.Options;

    public EmulatedGateway Gateway { get; }

    /// <summary>Per-route and global limits; change them before the bot sends requests.</summary>
    public RateLimitSettings RateLimits { get; }

    // ---- assert ----

    public IReadOnlyList<EmulatedGuild> Guilds => _state.Guilds;

    /// <summary>Every thread in every guild.</summary>
    public IReadOnlyList<EmulatedChannel> Threads => _state.ChannelsWhere(c => c.IsThread);

    public IReadOnlyList<RegisteredCommand> RegisteredCommands => _state.Commands;

    /// <summary>
    /// The REST requests in arrival order (Authorization header removed): the last <see cref="EmulatorOptions.HistoryLimit"/>
    /// of them, all with a null limit. <see cref="RequestCount"/> counts every one.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.RequestsSnapshot();

    /// <summary>REST requests received so far, including those the recorded history no longer holds.</summary>
    public long RequestCount => _state.RequestCount;

    /// <summary>Every rule the bot broke; a clean run leaves this empty.</summary>
    public IReadOnlyList<Violation> Violations => _state.ViolationsSnapshot();

    /// <summary>The 429s (and gateway RATE_LIMITED answers) served: the last <see cref="EmulatorOptions.HistoryLimit"/> of them.</summary>
    public IReadOnlyList<RateLimitHit> RateLimitHits => _state.RateLimitHitsSnapshot();

    /// <summary>Every 429 (and gateway RATE_LIMITED) served so far, including those the history no longer holds.</summary>
    public long RateLimitHitCount => _state.RateLimitHitCount;

    public EmulatedChannel? FindChannel(ulong id) => _state.FindChannel(id);

    public EmulatedMessage? FindMessage(ulong id) => _state.FindMessage(id);

    public IReadOnlyList<EmulatedMessage> GetMessages(ulong channelId) =>
        _state.FindChannel(channelId)?.Messages ?? throw new ArgumentException($"No channel {channelId}.", nameof(channelId));

    /// <summary>The messages in the DM between the bot and <paramref name="user"/> (empty when none was opened).</summary>
    public IReadOnlyList<EmulatedMessage> Dms(EmulatedUser user) =>
        _state.ChannelsWhere(c => c.Kind == ChannelKind.Dm && c.Recipient == user) is [var dm, ..] ? dm.Messages : [];

    /// <summary>Requests recorded for a route key such as "POST /channels/{channel_id}/messages".</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string routeKey) => [.. Requests.Where(r => r.Key == routeKey)];

    /// <summary>Throws with every violation listed, for a one-line "the bot broke no rules" assertion.</summary>
    public void ThrowIfViolations()
    {
        var violations = Violations;
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                $"The bot broke {violations.Count} Discord rule(s):\n  {string.Join("\n  ", violations)}");
        }
    }

    /// <summary>Waits (without sleeping) until <paramref name="condition"/> holds; it is re-checked on every change.</summary>
    public Task WaitForAsync(Func<bool> condition, TimeSpan? timeout = null, string? description = null) =>
        _state.Changes.WaitUntilAsync(condition, timeout ?? _state.Options.WaitTimeout, () => description ?? "a condition");

    /// <summary>Waits until <paramref name="probe"/> returns something and returns it.</summary>
    public Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan? timeout = null, string? description = null)
        where T : class =>
        _state.Changes.WaitForAsync(probe, timeout ?? _state.Options.WaitTimeout, () => description ?? typeof(T).Name);

    /// <summary>The message as Discord's REST API returns it (attachment URLs point at this emulator); for live views.</summary>
    public JsonObject ToJson(EmulatedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_state.Gate)
        {
            return DiscordJson.Message(message, _state.BaseUrl);
        }
    }

    /// <summary>Completes on the next change of state (a message, an edit, a violation, ...); for live views that redraw.</summary>
    public Task NextChangeAsync(CancellationToken cancellationToken) => _state.Changes.Next.WaitAsync(cancellationToken);

    // ---- faults ----

    /// <summary>The next <paramref name="count"/> REST requests fail with <paramref name="status"/>.</summary>
    public void FailNextRequests(int count, int status = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _faults.Add(new Fault(null, FaultTiming.BeforeProcessing, status, TimeSpan.Zero), count);
    }

    /// <summary>
    /// The next <paramref name="count"/> requests to <paramref name="routeKey"/> (e.g.
    /// "POST /interactions/{interaction_id}/{interaction_token}/callback") fail with <paramref name="status"/> before
    /// Discord handles them: nothing changes.
    /// </summary>
    public void FailNextRequests(string routeKey, int count, int status = 500)
    {
        ArgumentException.ThrowIfNullOrEmpty(routeKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _faults.Add(new Fault(routeKey, FaultTiming.BeforeProcessing, status, TimeSpan.Zero), count);
    }

    /// <summary>
    /// The next <paramref name="count"/> requests to <paramref name="routeKey"/> are processed (a message is posted,
    /// an interaction acknowledged), then the answer is lost on the way back: a <paramref name="status"/> error, or
    /// with status 0 a reset connection. A retried initial callback then gets 40060 without counting as a violation.
    /// </summary>
    public void LoseNextResponses(string routeKey, int count, int status = 500)
    {
        ArgumentException.ThrowIfNullOrEmpty(routeKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _faults.Add(new Fault(routeKey, FaultTiming.AfterProcessing, status, TimeSpan.Zero), count);
    }

    /// <summary>How many answers <see cref="DelayNextResponses"/> is holding back at this moment.</summary>
    public int DelayedResponses => _state.DelayedAnswers;

    /// <summary>
    /// The next <paramref name="count"/> requests to <paramref name="routeKey"/> are processed, then answered only after
    /// <paramref name="delay"/> on the emulator's clock (a slow network on the way back).
    /// </summary>
    public void DelayNextResponses(string routeKey, int count, TimeSpan delay)
    {
        ArgumentException.ThrowIfNullOrEmpty(routeKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _faults.Add(new Fault(routeKey, FaultTiming.AfterProcessing, null, delay), count);
    }

    public async ValueTask DisposeAsync()
    {
        _gateway.Stop();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _gateway.Dispose();
    }
}
