using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>resources/message.mdx "Embed Limits".</summary>
internal static class EmbedRules
{
    public const int MaxEmbeds = 10;
    public const int MaxTotalCharacters = 6000;

    public static void Check(JsonArray embeds, string path, FormErrors errors)
    {
        if (embeds.Count > MaxEmbeds)
        {
            errors.Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxEmbeds} or fewer in length.");
        }

        var total = 0;
        var index = 0;
        foreach (var embed in embeds)
        {
            var at = FormErrors.Join(path, index++);
            if (embed is not JsonObject e)
            {
                errors.Add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            total += CheckOne(e, at, errors);
        }

        if (total > MaxTotalCharacters)
        {
            errors.Add(path, "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {MaxTotalCharacters}");
        }
    }

    /// <summary>Checks one embed and returns the characters it counts toward the 6000 total.</summary>
    private static int CheckOne(JsonObject embed, string path, FormErrors errors)
    {
        var total = 0;
        total += Text(embed["title"].Str(), FormErrors.Join(path, "title"), 256, errors);
        total += Text(embed["description"].Str(), FormErrors.Join(path, "description"), 4096, errors);
        total += Text(embed["footer"]?["text"].Str(), FormErrors.Join(path, "footer.text"), 2048, errors);
        total += Text(embed["author"]?["name"].Str(), FormErrors.Join(path, "author.name"), 256, errors);
        if (embed["fields"] is JsonArray fields)
        {
            var fieldsPath = FormErrors.Join(path, "fields");
            if (fields.Count > 25)
            {
                errors.Add(fieldsPath, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }

            var i = 0;
            foreach (var field in fields.OfType<JsonObject>())
            {
                var at = FormErrors.Join(fieldsPath, i++);
                var name = field["name"].Str();
                var value = field["value"].Str();
                errors.LengthBetween(FormErrors.Join(at, "name"), name, 1, 256);
                errors.LengthBetween(FormErrors.Join(at, "value"), value, 1, 1024);
                total += Count(name) + Count(value);
            }
        }

        return total;
    }

    private static int Text(string? value, string path, int max, FormErrors errors)
    {
        errors.MaxLength(path, value, max);
        return Count(value);
    }

    // Discord trims leading and trailing whitespace before counting toward the total.
    private static int Count(string? value) => value is null ? 0 : FormErrors.Length(value.Trim());
}
