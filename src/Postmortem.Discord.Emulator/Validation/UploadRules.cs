namespace Postmortem.Discord.Emulator;

/// <summary>
/// reference.mdx "Uploading Files": each <c>files[n]</c> part needs a filename and a unique name; every file is
/// within the upload size limit (per file, not per request); a message carries at most 10 attachments
/// (resources/message.mdx; the spec's <c>attachments</c> has maxItems 10).
/// </summary>
internal static class UploadRules
{
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFiles = MessageRules.MaxAttachments;

    /// <summary>Discord's answer to a request that breaks a rule, or null; every broken rule is also a violation.</summary>
    public static RestResult? Check(
        IReadOnlyList<UploadedFile> files, IReadOnlyList<string> partNames, IReadOnlyList<string> partsWithoutFileName, long maxFileBytes,
        EmulatorState state, string source)
    {
        var errors = new FormErrors();
        foreach (var duplicate in partNames.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            state.AddViolation(source, $"Multipart part name '{duplicate.Key}' is used {duplicate.Count()} times; each files[n] must be unique.");
            errors.Add(duplicate.Key, "DUPLICATE_FILE_PART", "Each file part must be uniquely named.");
        }

        foreach (var part in partsWithoutFileName.Concat(files.Where(f => string.IsNullOrWhiteSpace(f.FileName)).Select(f => $"files[{f.Index}]")))
        {
            state.AddViolation(source, $"{part} has no filename in its Content-Disposition header.");
            errors.Add(part, "FILE_NAME_MISSING", "A file part needs a filename.");
        }

        if (files.Count > MaxFiles)
        {
            state.AddViolation(source, $"{files.Count} files in one message; Discord allows at most {MaxFiles}.");
            errors.Add("files", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxFiles} or fewer in length.");
        }

        if (!errors.IsEmpty)
        {
            return RestResult.InvalidFormBody(errors);
        }

        if (files.FirstOrDefault(f => f.Content.Length > maxFileBytes) is { } large)
        {
            state.AddViolation(source, $"files[{large.Index}] ({large.FileName}) has {large.Content.Length} bytes; the upload limit is {maxFileBytes} bytes per file.");
            return RestResult.EntityTooLarge();
        }

        return null;
    }
}
