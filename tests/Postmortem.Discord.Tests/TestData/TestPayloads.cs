using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Postmortem.Discord.Tests;

/// <summary>Loads the JSON files in TestData/ (copied to the output directory).</summary>
internal static class TestPayloads
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static T Load<T>(string name, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(Text(name), type) ?? throw new InvalidOperationException($"{name} deserialized to null");
}
