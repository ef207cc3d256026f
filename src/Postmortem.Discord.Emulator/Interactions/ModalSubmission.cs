using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// Builds a MODAL_SUBMIT <c>data</c> from the modal the bot opened and what the user typed, in the same
/// shape as the modal (Label children, or legacy action rows), enforcing what the client enforces.
/// </summary>
internal static class ModalSubmission
{
    public static JsonObject Build(JsonObject modal, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string[]> selections)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var components = new JsonArray();
        foreach (var component in modal["components"].Objects())
        {
            switch (component["type"].Int())
            {
                case 18 when component["component"] is JsonObject inner:
                    var label = new JsonObject { ["type"] = 18, ["component"] = Answer(inner, values, selections, used) };
                    CopyId(component, label);
                    components.Add(label);
                    break;
                case 1:
                    var row = new JsonObject
                    {
                        ["type"] = 1,
                        ["components"] = new JsonArray([.. component["components"].Objects().Select(c => (JsonNode)Answer(c, values, selections, used))]),
                    };
                    CopyId(component, row);
                    components.Add(row);
                    break;
            }
        }

        var unknown = values.Keys.Concat(selections.Keys).Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The modal has no input(s) {string.Join(", ", unknown)}.");
        }

        return new JsonObject { ["custom_id"] = modal["custom_id"].Str(), ["components"] = components };
    }

    private static JsonObject Answer(JsonObject input, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string[]> selections, HashSet<string> used)
    {
        var customId = input["custom_id"].Str() ?? "";
        used.Add(customId);
        var type = (int)(input["type"].Int() ?? 0);
        var answer = new JsonObject { ["type"] = type, ["custom_id"] = customId };
        CopyId(input, answer);
        if (type == 4)
        {
            var value = values.GetValueOrDefault(customId) ?? input["value"].Str() ?? "";
            var required = input["required"].Bool() ?? true;
            var min = input["min_length"].Int() ?? 0;
            var max = input["max_length"].Int() ?? 4000;
            if (required && value.Length == 0)
            {
                throw new ArgumentException($"Text input '{customId}' is required.");
            }

            if (value.Length > 0 && (value.Length < min || value.Length > max))
            {
                throw new ArgumentException($"Text input '{customId}' takes {min}-{max} characters; got {value.Length}.");
            }

            answer["value"] = value;
        }
        else
        {
            var chosen = selections.GetValueOrDefault(customId) ?? [];
            var options = input["options"].Objects().Select(o => o["value"].Str()).ToList();
            if (type == 3 && chosen.Any(c => !options.Contains(c)))
            {
                throw new ArgumentException($"Select '{customId}' offers only: {string.Join(", ", options)}.");
            }

            answer["values"] = new JsonArray([.. chosen.Select(c => (JsonNode)c)]);
        }

        return answer;
    }

    private static void CopyId(JsonObject from, JsonObject to)
    {
        if (from["id"].Int() is { } id)
        {
            to["id"] = id;
        }
    }
}
