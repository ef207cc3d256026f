using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// Collects field errors and renders Discord's 50035 <c>errors</c> object:
/// <c>{"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "..."}]}}</c>, arrays keyed by index.
/// </summary>
internal sealed class FormErrors
{
    private readonly List<(string Path, string Code, string Message)> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public int Count => _errors.Count;

    /// <summary>Adds an error at a dotted path such as <c>data.components.0.label</c> ("" for the body).</summary>
    public void Add(string path, string code, string message) => _errors.Add((path, code, message));

    public void MaxLength(string path, string? value, int max)
    {
        if (value is not null && Length(value) > max)
        {
            Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        }
    }

    public void LengthBetween(string path, string? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(path, "BASE_TYPE_REQUIRED", "This field is required");
            }

            return;
        }

        var length = Length(value);
        if (length < min || length > max)
        {
            Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");
        }
    }

    public void Range(string path, long? value, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(path, "NUMBER_TYPE_OUT_OF_RANGE", $"Value must be between {min} and {max}.");
        }
    }

    /// <summary>Discord counts characters (code points), not UTF-16 units.</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    public static string Join(string prefix, object key) => prefix.Length == 0 ? $"{key}" : $"{prefix}.{key}";

    public JsonObject ToJson()
    {
        var root = new JsonObject();
        foreach (var (path, code, message) in _errors)
        {
            var node = root;
            foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (node[segment] is not JsonObject child)
                {
                    child = [];
                    node[segment] = child;
                }

                node = child;
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = code, ["message"] = message });
        }

        return root;
    }

    public string Describe() =>
        string.Join("; ", _errors.Select(e => $"{(e.Path.Length == 0 ? "(body)" : e.Path)}: {e.Message} [{e.Code}]"));
}
