using System.Net;
using System.Text.Json;
using Postmortem.Discord.Json;

namespace Postmortem.Discord.Rest;

/// <summary>Turns an error response into a <see cref="DiscordHttpException"/>, flattening 50035's nested "errors".</summary>
internal static class DiscordErrorParser
{
    public static DiscordHttpException ToException(HttpStatusCode status, ReadOnlySpan<byte> body, DiscordRoute route)
    {
        var error = TryParse(body);
        var fields = new List<string>();
        if (error?.Errors is { } errors)
        {
            Flatten(errors, "", fields);
        }

        return new DiscordHttpException(status, error?.Code, error?.Message, fields, route.ToString());
    }

    private static DiscordErrorBody? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            return body.IsEmpty ? null : JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            // Cloudflare and proxies answer with HTML; the status code is all we get then.
            return null;
        }
    }

    /// <summary>{"a":{"0":{"b":{"_errors":[{code,message}]}}}} becomes "a[0].b: message (code)".</summary>
    public static void Flatten(JsonElement node, string path, List<string> lines)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    var message = item.TryGetProperty("message", out var m) ? m.GetString() : null;
                    var code = item.TryGetProperty("code", out var c) ? c.ToString() : null;
                    lines.Add($"{(path.Length == 0 ? "(body)" : path)}: {message}{(code is null ? "" : $" ({code})")}");
                }
            }
            else
            {
                var child = property.Name.All(char.IsAsciiDigit) ? $"{path}[{property.Name}]"
                    : path.Length == 0 ? property.Name
                    : $"{path}.{property.Name}";
                Flatten(property.Value, child, lines);
            }
        }
    }
}
