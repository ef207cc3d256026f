using System.Text.Json;

namespace Postmortem.Discord.Models;

/// <summary>Walks a submitted modal's component tree and collects custom_id → value(s).</summary>
internal static class ModalFields
{
    public static void Collect(Component component, Dictionary<string, ModalField> fields)
    {
        switch (component)
        {
            case Label label:
                Collect(label.Component, fields);
                break;
            case ActionRow row:
                foreach (var child in row.Components)
                {
                    Collect(child, fields);
                }

                break;
            case TextInput input when input.CustomId.Length > 0:
                fields[input.CustomId] = new ModalField(input.CustomId, input.Value, input.Value is null ? [] : [input.Value]);
                break;
            case SelectMenu select when select.CustomId.Length > 0:
                var values = select.Values ?? [];
                fields[select.CustomId] = new ModalField(select.CustomId, values.Count > 0 ? values[0] : null, values);
                break;
            case UnknownComponent unknown:
                CollectRaw(unknown.Raw, fields);
                break;
        }
    }

    // Newer modal components (file upload, checkboxes, ...) still carry custom_id plus value or values.
    private static void CollectRaw(JsonElement raw, Dictionary<string, ModalField> fields)
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (raw.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } customId)
        {
            var value = raw.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var values = raw.TryGetProperty("values", out var vs) && vs.ValueKind == JsonValueKind.Array
                ? vs.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText()).ToList()
                : (value is null ? [] : [value]);
            fields[customId] = new ModalField(customId, value ?? values.FirstOrDefault(), values);
        }

        if (raw.TryGetProperty("component", out var child))
        {
            CollectRaw(child, fields);
        }

        if (raw.TryGetProperty("components", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in children.EnumerateArray())
            {
                CollectRaw(c, fields);
            }
        }
    }
}
