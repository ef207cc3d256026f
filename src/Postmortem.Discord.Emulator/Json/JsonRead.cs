using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Tolerant readers for JSON the bot sent: a wrong type reads as null, and validation reports it.</summary>
internal static class JsonRead
{
    public static string? Str(this JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Int(this JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var n)
            ? n
            : node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                ? (long)v.GetValue<double>()
                : null;

    public static bool? Bool(this JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : null;

    /// <summary>A snowflake sent as a string (the documented form) or, leniently, as a number.</summary>
    public static ulong? Snowflake(this JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && ulong.TryParse(v.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<ulong>(out var id) => id,
        _ => null,
    };

    public static bool IsPresent(this JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var value) && value is not null;

    public static IEnumerable<JsonObject> Objects(this JsonNode? node) =>
        (node as JsonArray ?? []).OfType<JsonObject>();

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A deep copy that is fully built. Parsed nodes build their children lazily on first read, which is not
    /// thread-safe; stored JSON is read by test threads and server threads at once, so it is built up front.
    /// </summary>
    public static T Frozen<T>(this T node)
        where T : JsonNode
    {
        var copy = (T)node.DeepClone();
        Build(copy);
        return copy;
    }

    private static void Build(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Build(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Build(child);
                }

                break;
        }
    }
}
