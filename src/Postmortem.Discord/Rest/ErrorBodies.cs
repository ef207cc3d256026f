using System.Text.Json;

namespace Postmortem.Discord.Rest;

/// <summary>Discord's error body: {code, message, errors{…_errors:[{code, message}]}} (reference "Error Messages").</summary>
public sealed record DiscordErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public JsonElement? Errors { get; init; }
}

/// <summary>A 429 body: {message, retry_after (seconds, fractional), global, code?}.</summary>
public sealed record RateLimitBody
{
    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }

    public int? Code { get; init; }
}
