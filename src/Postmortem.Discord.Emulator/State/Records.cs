using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>A rule of Discord's that the bot broke, in words a failing test can show.</summary>
public sealed record Violation(DateTimeOffset At, string Source, string Reason)
{
    public override string ToString() => $"{Source}: {Reason}";
}

/// <summary>
/// One REST request as the emulator received it. <see cref="Route"/> is the template under /api/v10
/// (e.g. <c>/channels/{channel_id}/messages</c>); headers exclude Authorization.
/// For multipart requests <see cref="Body"/> is <c>payload_json</c> and <see cref="FileNames"/> lists the files.
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset At,
    string Method,
    string Route,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    IReadOnlyList<string> FileNames,
    int Status)
{
    /// <summary>"METHOD template", the form <see cref="RateLimitSettings.Set"/> takes.</summary>
    public string Key => $"{Method} {Route}";

    public override string ToString() => $"{Method} {Path} -> {Status}";
}

/// <summary>A 429 the emulator served.</summary>
public sealed record RateLimitHit(DateTimeOffset At, string Route, string Bucket, bool Global, TimeSpan RetryAfter);
