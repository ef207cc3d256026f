using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>What a message body is checked against, besides the fields themselves.</summary>
internal sealed record MessageCheck(int AllowedFlags, IReadOnlySet<string> UploadedFileIds, IReadOnlyCollection<ulong> ExistingAttachmentIds)
{
    public const int SuppressEmbeds = 1 << 2;
    public const int SuppressNotifications = 1 << 12;
    public const int ChannelMessageFlags = SuppressEmbeds | SuppressNotifications | EmulatedMessage.ComponentsV2Flag;
    public const int InteractionMessageFlags = ChannelMessageFlags | EmulatedMessage.EphemeralFlag;
}

/// <summary>resources/message.mdx "Create Message": the docs' limits, which win over the spec's.</summary>
internal static class MessageRules
{
    public const int MaxContent = 2000;
    public const int MaxAttachments = 10;
    private static readonly string[] _parseChoices = ["roles", "users", "everyone"];

    public static void Check(JsonObject message, string path, FormErrors errors, MessageCheck check)
    {
        var content = message["content"].Str();
        var contentPath = FormErrors.Join(path, "content");
        errors.MaxLength(contentPath, content, MaxContent);

        var flags = message["flags"].Int() ?? 0;
        if ((flags & ~check.AllowedFlags) != 0)
        {
            errors.Add(FormErrors.Join(path, "flags"), "MESSAGE_FLAGS_INVALID",
                $"Flags {flags} include bits not allowed here (allowed: {check.AllowedFlags}).");
        }

        var isV2 = (flags & EmulatedMessage.ComponentsV2Flag) != 0;
        var embeds = message["embeds"] as JsonArray;
        if (isV2 && (!string.IsNullOrEmpty(content) || embeds is { Count: > 0 }))
        {
            errors.Add(contentPath, "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2");
        }

        if (embeds is not null)
        {
            EmbedRules.Check(embeds, FormErrors.Join(path, "embeds"), errors);
        }

        if (message["components"] is JsonArray components)
        {
            ComponentRules.CheckMessageComponents(components, isV2, FormErrors.Join(path, "components"), errors);
        }

        if (message["attachments"] is JsonArray attachments)
        {
            CheckAttachments(attachments, FormErrors.Join(path, "attachments"), errors, check);
        }

        if (message["allowed_mentions"] is JsonObject allowed)
        {
            CheckAllowedMentions(allowed, FormErrors.Join(path, "allowed_mentions"), errors);
        }
    }

    /// <summary>Discord refuses a message with nothing to show (50006).</summary>
    public static bool IsEmpty(string content, JsonArray embeds, JsonArray components, int attachmentCount) =>
        string.IsNullOrWhiteSpace(content) && embeds.Count == 0 && components.Count == 0 && attachmentCount == 0;

    private static void CheckAttachments(JsonArray attachments, string path, FormErrors errors, MessageCheck check)
    {
        if (attachments.Count > MaxAttachments)
        {
            errors.Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxAttachments} or fewer in length.");
        }

        var index = 0;
        foreach (var attachment in attachments.OfType<JsonObject>())
        {
            var at = FormErrors.Join(path, index++);
            var id = attachment["id"];
            var text = id.Str() ?? id.Int()?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var known = text is not null
                && (check.UploadedFileIds.Contains(text)
                    || (id.Snowflake() is { } snowflake && check.ExistingAttachmentIds.Contains(snowflake)));
            if (!known)
            {
                errors.Add(FormErrors.Join(at, "id"), "ATTACHMENT_NOT_FOUND",
                    $"Attachment id {text ?? "(missing)"} matches no uploaded files[n] and no existing attachment.");
            }

            errors.MaxLength(FormErrors.Join(at, "description"), attachment["description"].Str(), 1024);
        }
    }

    private static void CheckAllowedMentions(JsonObject allowed, string path, FormErrors errors)
    {
        var parse = allowed["parse"] as JsonArray ?? [];
        var parsed = parse.Select(p => p.Str()).ToList();
        foreach (var value in parsed.Where(p => p is null || !_parseChoices.Contains(p)))
        {
            errors.Add(FormErrors.Join(path, "parse"), "BASE_TYPE_CHOICES",
                $"Value '{value}' must be one of ('roles', 'users', 'everyone').");
        }

        foreach (var kind in new[] { "users", "roles" })
        {
            var list = allowed[kind] as JsonArray;
            if (list is { Count: > 100 })
            {
                errors.Add(FormErrors.Join(path, kind), "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
            }

            if (list is { Count: > 0 } && parsed.Contains(kind))
            {
                errors.Add(FormErrors.Join(path, kind), "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    $"parse:[\"{kind}\"] and {kind}: [ids] are mutually exclusive.");
            }
        }
    }
}
