using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Postmortem.Discord.Emulator;

/// <summary>interactions/application-commands.mdx: naming, limits and nesting of application commands.</summary>
internal static partial class CommandRules
{
    public const int MaxChatInputCommands = 100;
    public const int MaxContextMenuCommands = 15;
    private const int MaxCombinedCharacters = 8000;

    public static void CheckBulk(JsonArray commands, FormErrors errors)
    {
        var seen = new HashSet<(string?, long)>();
        var index = 0;
        foreach (var node in commands)
        {
            var path = FormErrors.Join("", index++);
            if (node is not JsonObject command)
            {
                errors.Add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = command["type"].Int() ?? 1;
            CheckCommand(command, type, path, errors);
            if (!seen.Add((command["name"].Str(), type)))
            {
                errors.Add(FormErrors.Join(path, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    "Application command names must be unique");
            }
        }

        var byType = commands.OfType<JsonObject>().GroupBy(c => c["type"].Int() ?? 1).ToDictionary(g => g.Key, g => g.Count());
        if (byType.GetValueOrDefault(1) > MaxChatInputCommands)
        {
            errors.Add("", "APPLICATION_COMMANDS_TOO_MANY", $"At most {MaxChatInputCommands} chat input commands are allowed.");
        }

        if (byType.GetValueOrDefault(2) > MaxContextMenuCommands || byType.GetValueOrDefault(3) > MaxContextMenuCommands)
        {
            errors.Add("", "APPLICATION_COMMANDS_TOO_MANY", $"At most {MaxContextMenuCommands} user and {MaxContextMenuCommands} message commands are allowed.");
        }
    }

    private static void CheckCommand(JsonObject command, long type, string path, FormErrors errors)
    {
        var name = command["name"].Str();
        var description = command["description"].Str();
        if (type == 1)
        {
            CheckName(name, FormErrors.Join(path, "name"), errors);
            errors.LengthBetween(FormErrors.Join(path, "description"), description, 1, 100);
            CheckOptions(command["options"] as JsonArray, FormErrors.Join(path, "options"), errors, depth: 0);
        }
        else
        {
            errors.LengthBetween(FormErrors.Join(path, "name"), name, 1, 32);
            if (!string.IsNullOrEmpty(description))
            {
                errors.Add(FormErrors.Join(path, "description"), "APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED",
                    "User and message commands must have an empty description.");
            }

            if (command["options"] is JsonArray { Count: > 0 })
            {
                errors.Add(FormErrors.Join(path, "options"), "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED",
                    "Only chat input commands take options.");
            }
        }

        if (CombinedLength(command) > MaxCombinedCharacters)
        {
            errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE",
                $"Command name, description and option text together exceed {MaxCombinedCharacters} characters.");
        }
    }

    private static void CheckOptions(JsonArray? options, string path, FormErrors errors, int depth)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > 25)
        {
            errors.Add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        var kinds = options.OfType<JsonObject>().Select(o => o["type"].Int() ?? 0).ToList();
        var nested = kinds.Count(k => k is 1 or 2);
        if (nested > 0 && nested != kinds.Count)
        {
            errors.Add(path, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                "Subcommands and subcommand groups cannot be mixed with other options.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawOptional = false;
        var index = 0;
        foreach (var option in options.OfType<JsonObject>())
        {
            var at = FormErrors.Join(path, index++);
            var type = option["type"].Int() ?? 0;
            var name = option["name"].Str();
            CheckName(name, FormErrors.Join(at, "name"), errors);
            errors.LengthBetween(FormErrors.Join(at, "description"), option["description"].Str(), 1, 100);
            if (name is not null && !names.Add(name))
            {
                errors.Add(FormErrors.Join(at, "name"), "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
                    "Option names must be unique");
            }

            switch (type)
            {
                case 2 when depth > 0:
                case 1 when depth > 1:
                    errors.Add(FormErrors.Join(at, "type"), "APPLICATION_COMMAND_OPTIONS_TOO_DEEP",
                        "Only one level of nesting is allowed: command, group, subcommand.");
                    break;
                case 2:
                    var children = option["options"] as JsonArray ?? [];
                    if (children.Count == 0 || children.OfType<JsonObject>().Any(c => c["type"].Int() != 1))
                    {
                        errors.Add(FormErrors.Join(at, "options"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                            "A subcommand group holds one or more subcommands only.");
                    }

                    CheckOptions(children, FormErrors.Join(at, "options"), errors, depth + 1);
                    break;
                case 1:
                    CheckOptions(option["options"] as JsonArray, FormErrors.Join(at, "options"), errors, depth + 1);
                    break;
                case >= 3 and <= 11:
                    CheckValueOption(option, type, at, errors);
                    var required = option["required"].Bool() ?? false;
                    if (required && sawOptional)
                    {
                        errors.Add(FormErrors.Join(at, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                            "Required options must be placed before non-required options");
                    }

                    sawOptional |= !required;
                    break;
                default:
                    errors.Add(FormErrors.Join(at, "type"), "BASE_TYPE_CHOICES", "Value must be one of (1, 2, ..., 11).");
                    break;
            }
        }
    }

    private static void CheckValueOption(JsonObject option, long type, string path, FormErrors errors)
    {
        var choices = option["choices"] as JsonArray;
        if (choices is { Count: > 25 })
        {
            errors.Add(FormErrors.Join(path, "choices"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        if (choices is { Count: > 0 } && type is not (3 or 4 or 10))
        {
            errors.Add(FormErrors.Join(path, "choices"), "APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED",
                "Only string, integer and number options take choices.");
        }

        if (choices is { Count: > 0 } && option["autocomplete"].Bool() == true)
        {
            errors.Add(FormErrors.Join(path, "autocomplete"), "APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES",
                "Autocomplete cannot be enabled on an option that has choices.");
        }

        var index = 0;
        foreach (var choice in choices?.OfType<JsonObject>() ?? [])
        {
            var at = FormErrors.Join(FormErrors.Join(path, "choices"), index++);
            errors.LengthBetween(FormErrors.Join(at, "name"), choice["name"].Str(), 1, 100);
            var value = choice["value"];
            if (type == 3)
            {
                errors.LengthBetween(FormErrors.Join(at, "value"), value.Str(), 1, 100);
            }
            else if (value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.Number)
            {
                errors.Add(FormErrors.Join(at, "value"), "BASE_TYPE_CHOICES", "Choice values of numeric options must be numbers.");
            }
        }

        errors.Range(FormErrors.Join(path, "min_length"), option["min_length"].Int(), 0, 6000);
        errors.Range(FormErrors.Join(path, "max_length"), option["max_length"].Int(), 1, 6000);
    }

    private static void CheckName(string? name, string path, FormErrors errors)
    {
        if (name is null)
        {
            errors.Add(path, "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }

        if (FormErrors.Length(name) is 0 or > 32 || !NamePattern().IsMatch(name))
        {
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME",
                $"Command name '{name}' is invalid: 1-32 letters, digits, '-', '_' or apostrophes.");
        }
        else if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", $"Command name '{name}' must be lowercase.");
        }
    }

    private static int CombinedLength(JsonObject command)
    {
        var total = 0;
        foreach (var key in new[] { "name", "description", "value" })
        {
            total += command[key].Str()?.Length ?? 0;
        }

        foreach (var child in command["options"].Objects().Concat(command["choices"].Objects()))
        {
            total += CombinedLength(child);
        }

        return total;
    }

    // application-commands.mdx: ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$ (.NET names the scripts as blocks).
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]+$")]
    private static partial Regex NamePattern();
}
