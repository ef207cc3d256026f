using System.Net;
using System.Text;
using System.Threading.Channels;

namespace Postmortem.Discord.Tests.Rest;

/// <summary>A request as the fake Discord saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? Authorization, string? UserAgent, string? ContentType, string Body);

/// <summary>
/// Stands in for Discord at the HTTP level: records each request, answers it with the next scripted response (or
/// <see cref="Respond"/>), and lets a test await arrivals instead of sleeping.
/// </summary>
public sealed class FakeDiscordHandler : HttpMessageHandler
{
    private static readonly TimeSpan _arrivalTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _script = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();

    /// <summary>Answers requests once the script is used up. Throw from it to simulate a network failure.</summary>
    public Func<RecordedRequest, HttpResponseMessage> Respond { get; set; } = _ => Responses.Json(HttpStatusCode.OK, "{}");

    /// <summary>When set, requests are recorded at once but answered only after this task completes.</summary>
    public Task? HoldResponsesUntil { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Queues answers for the next requests, in order.</summary>
    public FakeDiscordHandler Then(params Func<RecordedRequest, HttpResponseMessage>[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }

        return this;
    }

    /// <summary>The next request to arrive (fails the test after 10 s, which only matters when it is broken).</summary>
    public async Task<RecordedRequest> NextRequestAsync()
    {
        using var timeout = new CancellationTokenSource(_arrivalTimeout);
        return await _arrivals.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True if a request arrived that no test has awaited yet.</summary>
    public bool HasUnseenRequest => _arrivals.Reader.TryPeek(out _);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("User-Agent", out var agents) ? string.Join(' ', agents) : null,
            request.Content?.Headers.ContentType?.ToString(),
            body);

        Func<RecordedRequest, HttpResponseMessage> responder;
        lock (_gate)
        {
            _requests.Add(recorded);
            responder = _script.Count > 0 ? _script.Dequeue() : Respond;
        }

        _arrivals.Writer.TryWrite(recorded);
        if (HoldResponsesUntil is { } hold)
        {
            await hold.WaitAsync(_arrivalTimeout, cancellationToken);
        }

        return responder(recorded);
    }
}

/// <summary>Discord-shaped responses.</summary>
public static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage NoContent() => new(HttpStatusCode.NoContent);

    /// <summary>200 with a bucket's headers.</summary>
    public static HttpResponseMessage Ok(string json, string bucket, int remaining, double resetAfterSeconds, int limit = 5) =>
        Json(HttpStatusCode.OK, json, Bucket(bucket, remaining, resetAfterSeconds, limit));

    public static (string, string)[] Bucket(string bucket, int remaining, double resetAfterSeconds, int limit = 5) =>
    [
        ("X-RateLimit-Bucket", bucket),
        ("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("X-RateLimit-Reset-After", resetAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static HttpResponseMessage TooManyRequests(double retryAfterSeconds, bool global, string scope)
    {
        var seconds = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = Json(
            HttpStatusCode.TooManyRequests,
            $$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":{{(global ? "true" : "false")}}}""",
            ("Retry-After", Math.Ceiling(retryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("X-RateLimit-Scope", scope));
        if (global)
        {
            response.Headers.TryAddWithoutValidation("X-RateLimit-Global", "true");
        }

        return response;
    }

    public static HttpResponseMessage Error(HttpStatusCode status, int code, string message) =>
        Json(status, $$"""{"message":"{{message}}","code":{{code}}}""");
}
