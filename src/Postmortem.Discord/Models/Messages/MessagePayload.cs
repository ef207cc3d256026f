using System.Text.Json.Serialization;

namespace Postmortem.Discord.Models;

/// <summary>
/// A message to send or an edit to make: create message, forum post, interaction response (types 4 and 7),
/// follow-ups and edits. Null fields are not sent, so in an edit they stay as they are (send "" or [] to clear).
/// <see cref="AllowedMentions"/> null means the REST client sends <see cref="Models.AllowedMentions.None"/>.
/// </summary>
public sealed record MessagePayload : InteractionCallbackData
{
    /// <summary>At most 2000 characters.</summary>
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary><see cref="MessageFlags.Ephemeral"/> for interaction replies only the invoker sees.</summary>
    public MessageFlags? Flags { get; init; }

    public bool? Tts { get; init; }

    /// <summary>Create message only: makes this a reply.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>
    /// Create message only: with <see cref="EnforceNonce"/>, Discord returns the existing message instead of creating a
    /// second one when a retried request carries the same nonce. The REST client fills both in if left null.
    /// </summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    /// <summary>
    /// Attachment metadata. In an edit, list the existing attachments to keep; the client appends one entry
    /// per <see cref="Files"/> item itself.
    /// </summary>
    public IReadOnlyList<PartialAttachment>? Attachments { get; init; }

    /// <summary>Files to upload; the client then sends multipart/form-data (payload_json + files[n]).</summary>
    [JsonIgnore]
    public IReadOnlyList<FileUpload>? Files { get; init; }
}

/// <summary>Attachment metadata in a request: an existing attachment's id, or the index n of an uploaded files[n].</summary>
public sealed record PartialAttachment(Snowflake Id)
{
    public string? Filename { get; init; }

    public string? Description { get; init; }
}

/// <summary>A file to upload with a message.</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content)
{
    /// <summary>At most this many files (attachments) per message (resources/message "Create Message").</summary>
    public const int MaxPerMessage = 10;

    /// <summary>
    /// The default upload limit per file, 10 MiB (reference "Uploading Files"); boosted servers allow more
    /// (<see cref="Interaction.AttachmentSizeLimit"/>), but the client holds every upload to the limit every server has.
    /// </summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Alt text, at most 1024 characters.</summary>
    public string? Description { get; init; }

    public string ContentType { get; init; } = "application/octet-stream";
}
