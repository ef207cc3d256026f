using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// What every REST request goes through before its handler, in Discord's order: route, body, auth,
/// User-Agent, injected failures, rate limits; then the request is recorded with its status.
/// </summary>
internal sealed partial class RestPipeline(EmulatorState state, RateLimiter limiter, FaultInjection faults)
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var at = state.Time.GetUtcNow();
        var route = http.GetEndpoint()?.Metadata.GetMetadata<DiscordRoute>();
        var context = new RestContext(http, route ?? new DiscordRoute(http.Request.Method, http.Request.Path.Value ?? "", RouteAuth.None));
        http.Items[typeof(RestContext)] = context;
        try
        {
            var early = route is null
                ? UnknownRoute(context)
                : await ReadBodyAsync(context) ?? CheckAuth(context) ?? CheckUserAgent(context) ?? faults.Before(context.Route.Key) ?? Limit(context);
            if (early is not null)
            {
                await early.WriteAsync(http);
            }
            else
            {
                await next(http);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An emulator bug must fail the test loudly, not look like a Discord outage.
            state.AddViolation("emulator", $"Internal error while handling {context.Source}: {ex}");
            if (!http.Response.HasStarted)
            {
                await RestResult.Error(500, 0, "500: Emulator error").WriteAsync(http);
            }
        }

        state.AddRequest(new RecordedRequest(
            at,
            http.Request.Method,
            route?.Template ?? http.Request.Path.Value ?? "",
            http.Request.Path + http.Request.QueryString,
            http.Request.Headers
                .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Body?.Frozen(),
            [.. context.Files.Select(f => f.FileName)],
            http.Response.StatusCode));
    }

    private RestResult UnknownRoute(RestContext context)
    {
        var path = context.Http.Request.Path.Value ?? "";
        var hint = path.StartsWith(RestRouter.Prefix + "/", StringComparison.Ordinal) ? "" : " (the API base is /api/v10)";
        state.AddViolation($"{context.Http.Request.Method} {path}", $"No such Discord route{hint}.");
        return RestResult.NotFound();
    }

    private async Task<RestResult?> ReadBodyAsync(RestContext context)
    {
        var request = context.Http.Request;
        if (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return null;
        }

        var type = request.ContentType ?? "";
        try
        {
            if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(request.Body);
                var text = await reader.ReadToEndAsync(context.Http.RequestAborted);
                context.Body = text.Length == 0 ? null : JsonNode.Parse(text);
                return null;
            }

            if (type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return await ReadMultipartAsync(context);
            }

            if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                var form = await request.ReadFormAsync(context.Http.RequestAborted);
                context.Body = new JsonObject([.. form.Select(f => new KeyValuePair<string, JsonNode?>(f.Key, f.Value.ToString()))]);
                return null;
            }
        }
        catch (JsonException ex)
        {
            state.AddViolation(context.Source, $"The body is not valid JSON: {ex.Message}");
            return RestResult.InvalidJson();
        }

        var errors = new FormErrors();
        errors.Add("", "CONTENT_TYPE_INVALID",
            "Expected \"Content-Type\" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.");
        state.AddViolation(context.Source, $"Unsupported Content-Type '{type}'.");
        return RestResult.InvalidFormBody(errors);
    }

    private async Task<RestResult?> ReadMultipartAsync(RestContext context)
    {
        var form = await context.Http.Request.ReadFormAsync(context.Http.RequestAborted);
        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            var match = FilePartName().Match(file.Name);
            if (!match.Success)
            {
                state.AddViolation(context.Source, $"Multipart file part '{file.Name}' should be named files[n].");
            }

            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, context.Http.RequestAborted);
            files.Add(new UploadedFile(match.Success ? match.Groups[1].Value : file.Name, file.FileName,
                file.ContentType ?? "application/octet-stream", stream.ToArray()));
        }

        context.Files = files;
        // A files[n] part without a filename arrives as a plain form value.
        var withoutFileName = form.Keys.Where(k => FilePartName().IsMatch(k)).ToList();
        if (UploadRules.Check(files, [.. form.Files.Select(f => f.Name)], withoutFileName, state.Options.MaxUploadBytes, state, context.Source) is { } refused)
        {
            return refused;
        }

        if (form.TryGetValue("payload_json", out var payload))
        {
            context.Body = JsonNode.Parse(payload.ToString());
        }
        else
        {
            context.Body = new JsonObject([.. form.Select(f => new KeyValuePair<string, JsonNode?>(f.Key, f.Value.ToString()))]);
        }

        return null;
    }

    private RestResult? CheckAuth(RestContext context)
    {
        if (context.Route.Auth != RouteAuth.Bot)
        {
            return null;
        }

        var header = context.Http.Request.Headers.Authorization.ToString();
        if (header == $"Bot {state.Token}")
        {
            return null;
        }

        // Never echo the header: it may hold a token.
        var reason = header.Length == 0 ? "missing Authorization header"
            : !header.StartsWith("Bot ", StringComparison.Ordinal) ? "Authorization must be 'Bot <token>'"
            : "wrong bot token";
        state.AddViolation(context.Source, $"401 Unauthorized: {reason}.");
        return RestResult.Unauthorized();
    }

    private RestResult? CheckUserAgent(RestContext context)
    {
        var agent = context.Http.Request.Headers.UserAgent.ToString();
        if (agent.Length == 0)
        {
            state.AddViolation(context.Source, "The User-Agent header is required: 'DiscordBot ($url, $versionNumber)'.");
            return RestResult.Error(400, 0, "User-Agent header is required");
        }

        if (!UserAgentPattern().IsMatch(agent))
        {
            state.AddViolation(context.Source, $"User-Agent '{agent}' should be 'DiscordBot ($url, $versionNumber)'.");
        }

        return null;
    }

    private RestResult? Limit(RestContext context)
    {
        var decision = limiter.Acquire(context.Route, context.Route.MajorKey(context.Value));
        var now = state.Time.GetUtcNow();
        RateLimiter.WriteHeaders(context.Http.Response, decision, now);
        if (decision.Allowed)
        {
            return null;
        }

        var retryAfter = Math.Round(decision.RetryAfter.TotalSeconds, 3);
        return RestResult.Json(new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = retryAfter,
            ["global"] = decision.Global,
        }, StatusCodes.Status429TooManyRequests);
    }

    [GeneratedRegex(@"^files\[(\d+)\]$")]
    private static partial Regex FilePartName();

    [GeneratedRegex(@"^DiscordBot \(.+, .+\)")]
    private static partial Regex UserAgentPattern();
}
