using System.Globalization;
using System.Net.Http.Headers;

namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>The X-RateLimit-* headers of one response (topics/rate-limits "Header Format").</summary>
internal sealed record RateLimitHeaders(
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    string? Bucket,
    bool Global,
    string? Scope,
    TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers) => new(
        Limit: Int(headers, "X-RateLimit-Limit"),
        Remaining: Int(headers, "X-RateLimit-Remaining"),
        ResetAfter: Seconds(headers, "X-RateLimit-Reset-After"),
        Bucket: Text(headers, "X-RateLimit-Bucket"),
        Global: string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Scope: Text(headers, "X-RateLimit-Scope"),
        RetryAfter: Seconds(headers, "Retry-After"));

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Int(HttpResponseHeaders headers, string name) =>
        int.TryParse(Text(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    // Reset-After has decimals ("1.234"); Retry-After is whole seconds.
    private static TimeSpan? Seconds(HttpResponseHeaders headers, string name) =>
        double.TryParse(Text(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value)
            : null;
}
