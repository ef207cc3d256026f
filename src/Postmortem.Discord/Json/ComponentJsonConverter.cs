using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Json;

/// <summary>
/// Picks the component record from the "type" number. STJ's built-in polymorphism would need "type" first in the
/// object and would throw on types Discord adds later; components from other apps' messages must never break us.
/// Attached to <see cref="Component"/> only (the attribute is not inherited), so the concrete records serialize
/// with their own contracts.
/// </summary>
public sealed class ComponentJsonConverter : JsonConverter<Component>
{
    public override Component? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var element = JsonElement.ParseValue(ref reader);
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("type", out var typeElement)
            || !typeElement.TryGetInt32(out var type))
        {
            throw new JsonException("A component must be an object with a numeric \"type\".");
        }

        var concrete = ConcreteType((ComponentType)type);
        return concrete is null
            ? new UnknownComponent(type, element.Clone())
            : (Component?)element.Deserialize(options.GetTypeInfo(concrete));
    }

    public override void Write(Utf8JsonWriter writer, Component value, JsonSerializerOptions options)
    {
        if (value is UnknownComponent unknown)
        {
            unknown.Raw.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    private static Type? ConcreteType(ComponentType type) => type switch
    {
        ComponentType.ActionRow => typeof(ActionRow),
        ComponentType.Button => typeof(Button),
        ComponentType.StringSelect => typeof(StringSelect),
        ComponentType.TextInput => typeof(TextInput),
        ComponentType.UserSelect => typeof(UserSelect),
        ComponentType.RoleSelect => typeof(RoleSelect),
        ComponentType.MentionableSelect => typeof(MentionableSelect),
        ComponentType.ChannelSelect => typeof(ChannelSelect),
        ComponentType.TextDisplay => typeof(TextDisplay),
        ComponentType.Label => typeof(Label),
        _ => null,
    };
}
