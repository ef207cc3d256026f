using Microsoft.Extensions.Options;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>A client wired to a fake Discord, a controllable clock and a capturing logger.</summary>
public sealed class RestFixture : IDisposable
{
    public const string BotToken = "SECRET_BOT_TOKEN.abc.def";
    public const string InteractionToken = "SECRET_INTERACTION_TOKEN_xyz";

    public static readonly Snowflake Application = new(1200000000000000001);

    public const string MessageJson = """{"id":"1500000000000000001","channel_id":"1100000000000000010","content":"ok","timestamp":"2026-05-06T09:00:00+00:00","author":{"id":"1200000000000000001","username":"bot"}}""";

    private readonly HttpClient _http;

    public RestFixture(Action<DiscordOptions>? configure = null)
    {
        _http = new HttpClient(Handler);
        var options = new DiscordOptions { Token = BotToken, ApiBaseUrl = new Uri("https://discord.test/api/v10") };
        configure?.Invoke(options);
        Margin = options.RateLimits.ResetMargin;
        GlobalPerSecond = options.RateLimits.GlobalRequestsPerSecond;
        Client = new DiscordRestClient(_http, Options.Create(options), Time, Logger);
    }

    /// <summary>What the client adds to every wait for a reset or a retry_after.</summary>
    public TimeSpan Margin { get; }

    public int GlobalPerSecond { get; }

    public FakeDiscordHandler Handler { get; } = new();

    public TimerSpy Time { get; } = new();

    public ListLogger<DiscordRestClient> Logger { get; } = new();

    public DiscordRestClient Client { get; }

    public static Snowflake Channel(int n) => new(1100000000000000000UL + (ulong)n);

    public void Dispose() => _http.Dispose();
}
