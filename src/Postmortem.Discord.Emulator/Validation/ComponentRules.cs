using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>components/reference.mdx: message components, legacy and Components V2.</summary>
internal static class ComponentRules
{
    private const int MaxLegacyRows = 5;
    private const int MaxV2Components = 40;
    private static readonly int[] _selectTypes = [3, 5, 6, 7, 8];

    public static void CheckMessageComponents(JsonArray components, bool isV2, string path, FormErrors errors)
    {
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        if (isV2)
        {
            var total = EmulatedMessage.Flatten(components).Count();
            if (total > MaxV2Components)
            {
                errors.Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxV2Components} or fewer in length.");
            }
        }
        else if (components.Count > MaxLegacyRows)
        {
            errors.Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxLegacyRows} or fewer in length.");
        }

        var index = 0;
        foreach (var node in components)
        {
            var at = FormErrors.Join(path, index++);
            if (node is not JsonObject component)
            {
                errors.Add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = component["type"].Int();
            if (type == 1)
            {
                CheckActionRow(component, at, errors, customIds);
            }
            else if (!isV2)
            {
                errors.Add(FormErrors.Join(at, "type"), "UNION_TYPE_CHOICES",
                    $"Component type {type} needs the IS_COMPONENTS_V2 flag; legacy messages take action rows only.");
            }
            else
            {
                CheckV2Component(component, at, errors, customIds);
            }
        }
    }

    private static void CheckV2Component(JsonObject component, string path, FormErrors errors, HashSet<string> customIds)
    {
        foreach (var child in EmulatedMessage.Flatten(component["components"] as JsonArray))
        {
            if (child["type"].Int() == 1)
            {
                CheckActionRow(child, path, errors, customIds);
            }
        }

        if (component["accessory"] is JsonObject { } accessory && accessory["type"].Int() == 2)
        {
            CheckButton(accessory, FormErrors.Join(path, "accessory"), errors, customIds);
        }
    }

    private static void CheckActionRow(JsonObject row, string path, FormErrors errors, HashSet<string> customIds)
    {
        var children = row["components"] as JsonArray ?? [];
        var childrenPath = FormErrors.Join(path, "components");
        var selects = children.OfType<JsonObject>().Count(c => _selectTypes.Contains((int)(c["type"].Int() ?? 0)));
        if (children.Count is 0 or > 5)
        {
            errors.Add(childrenPath, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        else if (selects > 0 && children.Count > 1)
        {
            errors.Add(childrenPath, "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                "An action row holds up to 5 buttons or exactly 1 select menu.");
        }

        var index = 0;
        foreach (var child in children.OfType<JsonObject>())
        {
            var at = FormErrors.Join(childrenPath, index++);
            switch (child["type"].Int())
            {
                case 2:
                    CheckButton(child, at, errors, customIds);
                    break;
                case 3 or 5 or 6 or 7 or 8:
                    CheckSelect(child, at, errors, customIds);
                    break;
                default:
                    errors.Add(FormErrors.Join(at, "type"), "UNION_TYPE_CHOICES",
                        "Action rows in messages hold buttons or select menus.");
                    break;
            }
        }
    }

    private static void CheckButton(JsonObject button, string path, FormErrors errors, HashSet<string> customIds)
    {
        var style = button["style"].Int();
        errors.MaxLength(FormErrors.Join(path, "label"), button["label"].Str(), 80);
        switch (style)
        {
            case 5:
                if (!button.IsPresent("url"))
                {
                    errors.Add(FormErrors.Join(path, "url"), "BUTTON_COMPONENT_URL_REQUIRED", "A link button requires a url.");
                }

                if (button.IsPresent("custom_id"))
                {
                    errors.Add(FormErrors.Join(path, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
                        "A link button cannot have a custom_id.");
                }

                break;
            case 6:
                if (!button.IsPresent("sku_id"))
                {
                    errors.Add(FormErrors.Join(path, "sku_id"), "BASE_TYPE_REQUIRED", "A premium button requires a sku_id.");
                }

                break;
            case >= 1 and <= 4:
                if (button.IsPresent("url"))
                {
                    errors.Add(FormErrors.Join(path, "url"), "BUTTON_COMPONENT_URL_NOT_ALLOWED",
                        "Only link buttons can have a url.");
                }

                CheckCustomId(button, path, errors, customIds);
                if (!button.IsPresent("label") && !button.IsPresent("emoji"))
                {
                    errors.Add(FormErrors.Join(path, "label"), "BASE_TYPE_REQUIRED", "A button needs a label or an emoji.");
                }

                break;
            default:
                errors.Add(FormErrors.Join(path, "style"), "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6).");
                break;
        }
    }

    public static void CheckSelect(JsonObject select, string path, FormErrors errors, HashSet<string> customIds)
    {
        CheckCustomId(select, path, errors, customIds);
        errors.MaxLength(FormErrors.Join(path, "placeholder"), select["placeholder"].Str(), 150);
        var min = select["min_values"].Int();
        var max = select["max_values"].Int();
        errors.Range(FormErrors.Join(path, "min_values"), min, 0, 25);
        errors.Range(FormErrors.Join(path, "max_values"), max, 1, 25);
        if (min > (max ?? 1))
        {
            errors.Add(FormErrors.Join(path, "min_values"), "SELECT_COMPONENT_MIN_VALUES_GREATER_THAN_MAX",
                "min_values must not exceed max_values.");
        }

        if (select["type"].Int() != 3)
        {
            return;
        }

        var options = select["options"] as JsonArray ?? [];
        var optionsPath = FormErrors.Join(path, "options");
        if (options.Count is 0 or > 25)
        {
            errors.Add(optionsPath, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
        }

        if ((max ?? 1) > options.Count && options.Count > 0)
        {
            errors.Add(FormErrors.Join(path, "max_values"), "SELECT_COMPONENT_MAX_VALUES_TOO_LARGE",
                "max_values must not exceed the number of options.");
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var option in options.OfType<JsonObject>())
        {
            var at = FormErrors.Join(optionsPath, index++);
            errors.LengthBetween(FormErrors.Join(at, "label"), option["label"].Str(), 1, 100);
            var value = option["value"].Str();
            errors.LengthBetween(FormErrors.Join(at, "value"), value, 1, 100);
            errors.MaxLength(FormErrors.Join(at, "description"), option["description"].Str(), 100);
            if (value is not null && !values.Add(value))
            {
                errors.Add(FormErrors.Join(at, "value"), "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
                    "Select option values must be unique.");
            }
        }
    }

    public static void CheckCustomId(JsonObject component, string path, FormErrors errors, HashSet<string> customIds)
    {
        var customId = component["custom_id"].Str();
        var at = FormErrors.Join(path, "custom_id");
        errors.LengthBetween(at, customId, 1, 100);
        if (customId is not null && !customIds.Add(customId))
        {
            errors.Add(at, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }
    }
}
