using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Applies a validated message body (create or partial edit) to a stored message.</summary>
internal static class MessageComposer
{
    /// <summary>The ids a body's <c>attachments[].id</c> may refer to: files[n] indexes and existing attachments.</summary>
    public static MessageCheck CheckFor(int allowedFlags, IReadOnlyList<UploadedFile> files, EmulatedMessage? existing) =>
        new(allowedFlags, files.Select(f => f.Index).ToHashSet(StringComparer.Ordinal),
            existing?.Attachments.Select(a => a.Id).ToList() ?? []);

    public static void Apply(EmulatedMessage message, JsonObject body, IReadOnlyList<UploadedFile> files,
        EmulatorState state, bool isEdit)
    {
        if (!isEdit || body.ContainsKey("content"))
        {
            message.Content = body["content"].Str() ?? "";
        }

        if (!isEdit || body.ContainsKey("embeds"))
        {
            message.Embeds = Clone(body["embeds"]);
        }

        if (!isEdit || body.ContainsKey("components"))
        {
            message.Components = Clone(body["components"]);
        }

        if (body["flags"].Int() is { } flags)
        {
            // Ephemeral-ness is fixed when a message is created; edits cannot change it.
            var fixedBits = EmulatedMessage.EphemeralFlag;
            message.Flags = (message.Flags & fixedBits) | ((int)flags & ~fixedBits & ~EmulatedMessage.LoadingFlag);
        }

        message.Attachments = Attachments(message, body, files, state, isEdit);
        if (!isEdit || body.ContainsKey("content") || body.ContainsKey("allowed_mentions"))
        {
            message.Pings = message.IsEphemeral
                ? Pings.None
                : MentionRules.Compute(message.Content, body["allowed_mentions"] as JsonObject, message.ReplyTo, message.Author);
        }
    }

    private static List<EmulatedAttachment> Attachments(EmulatedMessage message, JsonObject body,
        IReadOnlyList<UploadedFile> files, EmulatorState state, bool isEdit)
    {
        var listed = body["attachments"].Objects().ToList();
        var kept = !isEdit ? []
            : body.ContainsKey("attachments")
                ? message.Attachments.Where(a => listed.Exists(l => l["id"].Snowflake() == a.Id)).ToList()
                : [.. message.Attachments];
        foreach (var file in files)
        {
            var meta = listed.Find(l => (l["id"].Str() ?? l["id"].Int()?.ToString(System.Globalization.CultureInfo.InvariantCulture)) == file.Index);
            kept.Add(new EmulatedAttachment(state.NextId(), meta?["filename"].Str() ?? file.FileName, file.ContentType,
                file.Content, meta?["description"].Str()));
        }

        return kept;
    }

    private static JsonArray Clone(JsonNode? node) => node as JsonArray ?? [];
}
