using Postmortem.Discord.Rest.RateLimiting;

namespace Postmortem.Discord;

/// <summary>Settings for the Discord client, bound from the "Discord" configuration section.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token. Comes from an environment variable or user-secrets, never from a JSON file.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base address including the version; the tests point it at the emulator.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Gateway intents; the default is what the postmortem bot needs.</summary>
    public GatewayIntents Intents { get; set; } =
        GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent | GatewayIntents.DirectMessages;

    /// <summary>Shard ids this process runs; empty means all of them.</summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>Total shard count; null means the count Discord recommends in GET /gateway/bot.</summary>
    public int? ShardCount { get; set; }

    /// <summary>Sent as the User-Agent, which Discord requires in the form "DiscordBot ($url, $version)".</summary>
    public string UserAgent { get; set; } = "DiscordBot (https://github.com/postmortem-bot/postmortem-bot, 1.0)";

    /// <summary>How REST requests are paced under Discord's rate limits ("Discord:RateLimits").</summary>
    public RestRateLimitOptions RateLimits { get; } = new();

    public override string ToString() =>
        $"DiscordOptions {{ Token = {(string.IsNullOrEmpty(Token) ? "<missing>" : "<redacted>")}, ApiBaseUrl = {ApiBaseUrl}, Intents = {Intents} }}";
}
