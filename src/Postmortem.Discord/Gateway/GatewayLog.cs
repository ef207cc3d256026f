using Microsoft.Extensions.Logging;

namespace Postmortem.Discord.Gateway;

/// <summary>
/// The gateway's log lines. Payloads are never logged: Identify and Resume carry the token, and
/// dispatches carry users' messages.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Starting {Count} of {ShardCount} shards ({MaxConcurrency} identifies per 5 s, {Remaining} session starts left today)")]
    public static partial void StartingShards(ILogger logger, int count, int shardCount, int maxConcurrency, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /gateway/bot failed ({Error}); retrying in {Delay}")]
    public static partial void GatewayInfoFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId} connecting to {Url}")]
    public static partial void Connecting(ILogger logger, int shardId, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}/{ShardCount} identifying with intents {Intents}")]
    public static partial void Identifying(ILogger logger, int shardId, int shardCount, GatewayIntents intents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} resuming session {SessionId} after sequence {Sequence}")]
    public static partial void Resuming(ILogger logger, int shardId, string sessionId, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}/{ShardCount} ready, session {SessionId}")]
    public static partial void Ready(ILogger logger, int shardId, int shardCount, string? sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} resumed session {SessionId}")]
    public static partial void Resumed(ILogger logger, int shardId, string? sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} disconnected: {Reason}; will {Next} in {Delay}")]
    public static partial void Disconnected(ILogger logger, int shardId, string reason, string next, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} stopped")]
    public static partial void Stopped(ILogger logger, int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} skipped a malformed payload of {Length} bytes: {Problem}")]
    public static partial void MalformedPayload(ILogger logger, int shardId, int length, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} skipped a malformed {EventName} dispatch: {Problem}")]
    public static partial void MalformedDispatch(ILogger logger, int shardId, string eventName, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId} skipped {EventName} #{Sequence}, already handled")]
    public static partial void DuplicateDispatch(ILogger logger, int shardId, string eventName, long sequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId} ignored unknown opcode {Opcode}")]
    public static partial void UnknownOpcode(ILogger logger, int shardId, int opcode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway event handler {Handler} failed on {EventType}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string eventType);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{OperatorMessage}")]
    public static partial void Fatal(ILogger logger, string operatorMessage);
}
