using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>components/reference.mdx "Modal" and "Text Input". The docs allow 1–5 components (spec: 40).</summary>
internal static class ModalRules
{
    public const int MaxComponents = 5;

    public static void Check(JsonObject? modal, string path, FormErrors errors)
    {
        if (modal is null)
        {
            errors.Add(path, "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }

        errors.LengthBetween(FormErrors.Join(path, "title"), modal["title"].Str(), 1, 45);
        errors.LengthBetween(FormErrors.Join(path, "custom_id"), modal["custom_id"].Str(), 1, 100);
        var components = modal["components"] as JsonArray ?? [];
        var componentsPath = FormErrors.Join(path, "components");
        if (components.Count is 0 or > MaxComponents)
        {
            errors.Add(componentsPath, "BASE_TYPE_BAD_LENGTH", $"Must be between 1 and {MaxComponents} in length.");
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var component in components.OfType<JsonObject>())
        {
            var at = FormErrors.Join(componentsPath, index++);
            switch (component["type"].Int())
            {
                case 18:
                    CheckLabel(component, at, errors, customIds);
                    break;
                case 1:
                    CheckLegacyRow(component, at, errors, customIds);
                    break;
                case 10:
                    errors.LengthBetween(FormErrors.Join(at, "content"), component["content"].Str(), 1, 4000);
                    break;
                default:
                    errors.Add(FormErrors.Join(at, "type"), "UNION_TYPE_CHOICES",
                        "Modals take Label (18), Text Display (10) or Action Row (1) components.");
                    break;
            }
        }
    }

    private static void CheckLabel(JsonObject label, string path, FormErrors errors, HashSet<string> customIds)
    {
        errors.LengthBetween(FormErrors.Join(path, "label"), label["label"].Str(), 1, 45);
        errors.MaxLength(FormErrors.Join(path, "description"), label["description"].Str(), 100);
        var inner = label["component"] as JsonObject;
        var at = FormErrors.Join(path, "component");
        switch (inner?["type"].Int())
        {
            case null:
                errors.Add(at, "BASE_TYPE_REQUIRED", "This field is required");
                break;
            case 4:
                CheckTextInput(inner, at, errors, customIds, labelRequired: false);
                break;
            case 3 or 5 or 6 or 7 or 8:
                ComponentRules.CheckSelect(inner, at, errors, customIds);
                break;
            default:
                ComponentRules.CheckCustomId(inner, at, errors, customIds);
                break;
        }
    }

    private static void CheckLegacyRow(JsonObject row, string path, FormErrors errors, HashSet<string> customIds)
    {
        var children = row["components"] as JsonArray ?? [];
        var childrenPath = FormErrors.Join(path, "components");
        if (children.Count != 1)
        {
            errors.Add(childrenPath, "BASE_TYPE_BAD_LENGTH", "An action row in a modal holds exactly one text input.");
        }

        var index = 0;
        foreach (var child in children.OfType<JsonObject>())
        {
            var at = FormErrors.Join(childrenPath, index++);
            if (child["type"].Int() == 4)
            {
                CheckTextInput(child, at, errors, customIds, labelRequired: true);
            }
            else
            {
                errors.Add(FormErrors.Join(at, "type"), "UNION_TYPE_CHOICES", "Action rows in modals hold text inputs.");
            }
        }
    }

    private static void CheckTextInput(JsonObject input, string path, FormErrors errors, HashSet<string> customIds,
        bool labelRequired)
    {
        ComponentRules.CheckCustomId(input, path, errors, customIds);
        if (input["style"].Int() is not (1 or 2))
        {
            errors.Add(FormErrors.Join(path, "style"), "BASE_TYPE_CHOICES", "Value must be one of (1, 2).");
        }

        errors.LengthBetween(FormErrors.Join(path, "label"), input["label"].Str(), 1, 45, required: labelRequired);
        errors.MaxLength(FormErrors.Join(path, "value"), input["value"].Str(), 4000);
        errors.MaxLength(FormErrors.Join(path, "placeholder"), input["placeholder"].Str(), 100);
        var min = input["min_length"].Int();
        var max = input["max_length"].Int();
        errors.Range(FormErrors.Join(path, "min_length"), min, 0, 4000);
        errors.Range(FormErrors.Join(path, "max_length"), max, 1, 4000);
        if (min > (max ?? 4000))
        {
            errors.Add(FormErrors.Join(path, "min_length"), "TEXT_INPUT_MIN_GREATER_THAN_MAX",
                "min_length must not exceed max_length.");
        }
    }
}
