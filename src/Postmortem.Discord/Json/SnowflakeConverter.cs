using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Json;

/// <summary>Reads a snowflake from a JSON string or number and always writes a string (Discord's documented form).</summary>
public sealed class SnowflakeConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var number))
        {
            return new Snowflake(number);
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return ParseString(ref reader);
        }

        throw new JsonException($"Expected a snowflake (string or number) but found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value.Value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }

    // Dictionary keys: resolved users/members/channels are maps keyed by snowflake.
    public override Snowflake ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParseString(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());

    private static Snowflake ParseString(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        return Snowflake.TryParse(text, out var id) ? id : throw new JsonException($"'{text}' is not a snowflake.");
    }
}
