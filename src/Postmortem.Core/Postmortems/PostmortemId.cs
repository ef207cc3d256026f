using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Postmortem.Core.Postmortems;

/// <summary>The identity of one postmortem, assigned by the store on creation.</summary>
[JsonConverter(typeof(PostmortemIdJsonConverter))]
public readonly record struct PostmortemId(long Value)
{
    /// <summary>The id of a draft the store has not created yet.</summary>
    public static PostmortemId None => default;

    public bool IsAssigned => Value > 0;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out PostmortemId id)
    {
        id = None;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        id = new PostmortemId(value);
        return true;
    }
}

/// <summary>Writes a <see cref="PostmortemId"/> as a plain JSON number.</summary>
public sealed class PostmortemIdJsonConverter : JsonConverter<PostmortemId>
{
    public override PostmortemId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, PostmortemId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
