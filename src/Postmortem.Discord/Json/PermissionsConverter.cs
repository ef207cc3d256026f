using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Json;

/// <summary>Permissions travel as a decimal string (e.g. "2147483647"); a number is accepted too.</summary>
public sealed class PermissionsConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var number))
        {
            return (Permissions)number;
        }

        if (reader.TokenType == JsonTokenType.String
            && ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return (Permissions)bits;
        }

        throw new JsonException($"Expected a permission bit set but found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) =>
        writer.WriteStringValue(((ulong)value).ToString(CultureInfo.InvariantCulture));
}
