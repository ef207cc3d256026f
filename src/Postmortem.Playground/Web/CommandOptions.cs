using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator;

namespace Postmortem.Playground.Web;

/// <summary>
/// Turns what the page typed into a command's options (by the option's registered type): numbers for INTEGER and
/// NUMBER, people for USER, channels for CHANNEL, uploads for ATTACHMENT (sent as base64), text otherwise.
/// </summary>
internal static class CommandOptions
{
    public static Dictionary<string, object?> Convert(
        DiscordEmulator emulator, RegisteredCommand command, string? subcommand, IReadOnlyDictionary<string, JsonElement>? typed)
    {
        var definitions = Leaf(command, subcommand).ToDictionary(o => o["name"]!.GetValue<string>(), StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in typed ?? new Dictionary<string, JsonElement>())
        {
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || !definitions.TryGetValue(name, out var definition))
            {
                continue;
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
            if (text.Length == 0 && value.ValueKind == JsonValueKind.String)
            {
                continue;
            }

            values[name] = (definition["type"]?.GetValue<int>() ?? 3) switch
            {
                4 => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : text,
                10 => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text,
                5 => text is "true" or "True",
                6 => FindUser(emulator, text),
                7 => emulator.FindChannel(ulong.Parse(text, CultureInfo.InvariantCulture)),
                11 => Upload(value),
                _ => text,
            };
        }

        return values;
    }

    /// <summary>The option definitions under <paramref name="subcommand"/> ("start" or "timeline add").</summary>
    public static IEnumerable<JsonObject> Leaf(RegisteredCommand command, string? subcommand)
    {
        var options = command.Options;
        foreach (var part in (subcommand ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            options = [.. options.FirstOrDefault(o => o["name"]?.GetValue<string>() == part)?["options"]?.AsArray().OfType<JsonObject>() ?? []];
        }

        return options.Where(o => o["type"]?.GetValue<int>() is not (1 or 2));
    }

    private static EmulatedUser? FindUser(DiscordEmulator emulator, string id)
    {
        var userId = ulong.Parse(id, CultureInfo.InvariantCulture);
        return emulator.Guilds.SelectMany(g => g.Members).Select(m => m.User).FirstOrDefault(u => u.Id == userId);
    }

    private static FileUpload? Upload(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
            ? new FileUpload(
                value.GetProperty("name").GetString() ?? "file",
                System.Convert.FromBase64String(value.GetProperty("base64").GetString() ?? ""),
                value.TryGetProperty("contentType", out var type) && type.GetString() is { Length: > 0 } t ? t : "application/octet-stream")
            : null;
}
