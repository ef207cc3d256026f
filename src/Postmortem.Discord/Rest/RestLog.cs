using Microsoft.Extensions.Logging;

namespace Postmortem.Discord.Rest;

/// <summary>
/// Source-generated log messages for the per-request path. Routes are always templates
/// ("POST /interactions/{interaction_id}/{interaction_token}/callback"), never concrete paths with tokens.
/// </summary>
internal static partial class RestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Route} -> {StatusCode} in {ElapsedMs:0} ms")]
    public static partial void Completed(ILogger logger, DiscordRoute route, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Route} waits {Delay} for rate-limit bucket {Bucket}")]
    public static partial void WaitingForBucket(ILogger logger, DiscordRoute route, TimeSpan delay, string bucket);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Route} was rate limited ({Scope}, bucket {Bucket}); retrying after {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, DiscordRoute route, string scope, string bucket, TimeSpan retryAfter);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Route} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, DiscordRoute route, string reason, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Discord rejected the bot token (401 on {Route}); no further REST requests will be sent. Check Discord:Token")]
    public static partial void TokenRejected(ILogger logger, DiscordRoute route);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "{Route} failed: {StatusCode} code {Code} {DiscordMessage}")]
    public static partial void Failed(ILogger logger, DiscordRoute route, int statusCode, int? code, string? discordMessage);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "{Count} invalid requests (401/403/429) in the last 10 minutes, past {Threshold}; Discord bans the IP at {Limit}. Last on {Route}; breaker open: {BreakerOpen}")]
    public static partial void InvalidRequests(ILogger logger, int count, int threshold, int limit, DiscordRoute route, bool breakerOpen);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{Route} failed ({Reason}) after it may have reached Discord; not repeated, as a repeat could do it twice")]
    public static partial void NotRepeated(ILogger logger, DiscordRoute route, string reason);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{Route}: {Outcome} after {Attempts} attempt(s) ({Reason}); the interaction's deadline leaves no time for more")]
    public static partial void CallbackDeadline(ILogger logger, DiscordRoute route, InteractionCallbackOutcome outcome, int attempts, string reason);
}
