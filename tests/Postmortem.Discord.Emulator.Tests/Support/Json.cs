using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator.Tests.Support;

/// <summary>Small builders for request bodies.</summary>
public static class Json
{
    public static JsonObject Message(string content) => new() { ["content"] = content };

    public static JsonObject Row(params JsonNode[] components) => new() { ["type"] = 1, ["components"] = new JsonArray(components) };

    public static JsonObject Button(string customId, string label = "Go") =>
        new() { ["type"] = 2, ["style"] = 1, ["label"] = label, ["custom_id"] = customId };

    public static JsonObject TextInputLabel(string customId, string label = "Why?") => new()
    {
        ["type"] = 18,
        ["label"] = label,
        ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = customId, ["style"] = 2 },
    };

    public static JsonObject Modal(int inputs) => new()
    {
        ["type"] = 9,
        ["data"] = new JsonObject
        {
            ["custom_id"] = "why-modal",
            ["title"] = "Five whys",
            ["components"] = new JsonArray([.. Enumerable.Range(1, inputs).Select(i => (JsonNode)TextInputLabel($"why{i}"))]),
        },
    };

    public static string? ErrorCode(JsonNode? response, params string[] path)
    {
        var node = response?["errors"];
        foreach (var segment in path)
        {
            node = node?[segment];
        }

        return node?["_errors"]?[0]?["code"]?.GetValue<string>();
    }
}
