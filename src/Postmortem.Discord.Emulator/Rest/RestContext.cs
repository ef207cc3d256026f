using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Postmortem.Discord.Emulator;

/// <summary>A file from a multipart request (<c>files[n]</c>).</summary>
internal sealed record UploadedFile(string Index, string FileName, string ContentType, byte[] Content);

/// <summary>One REST request as handlers see it: the route, the parsed JSON body and any uploaded files.</summary>
internal sealed class RestContext(HttpContext http, DiscordRoute route)
{
    public HttpContext Http { get; } = http;

    public DiscordRoute Route { get; } = route;

    /// <summary>The JSON body, or <c>payload_json</c> of a multipart request.</summary>
    public JsonNode? Body { get; set; }

    public IReadOnlyList<UploadedFile> Files { get; set; } = [];

    public JsonObject? BodyObject => Body as JsonObject;

    public string Source => Route.Key;

    public string? Value(string name) => Http.GetRouteValue(name) as string;

    public ulong? Snowflake(string name) =>
        ulong.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
