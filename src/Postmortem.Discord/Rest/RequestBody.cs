using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Rest;

/// <summary>
/// A serialized request body that can be turned into fresh HttpContent for every attempt (content cannot be resent).
/// With files it becomes multipart/form-data: "payload_json" plus "files[n]" (reference "Uploading Files").
/// </summary>
internal sealed class RequestBody
{
    private static readonly MediaTypeHeaderValue _jsonContentType = new("application/json");

    private readonly byte[] _json;
    private readonly IReadOnlyList<FileUpload> _files;

    private RequestBody(byte[] json, IReadOnlyList<FileUpload> files)
    {
        _json = json;
        _files = files;
    }

    public static RequestBody Create<T>(T value, JsonTypeInfo<T> type, IReadOnlyList<FileUpload>? files = null) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, type), files ?? []);

    public HttpContent ToContent()
    {
        var json = new ByteArrayContent(_json);
        json.Headers.ContentType = _jsonContentType;
        if (_files.Count == 0)
        {
            return json;
        }

        var multipart = new MultipartFormDataContent { { json, "payload_json" } };
        for (var i = 0; i < _files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(_files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(_files[i].ContentType);
            multipart.Add(file, $"files[{i}]", _files[i].FileName);
        }

        return multipart;
    }

    /// <summary>
    /// Applies the client's defaults to an outgoing message: no pings unless asked for, and one attachment entry per
    /// uploaded file (id = its files[n] index) after the attachments the caller keeps.
    /// </summary>
    public static (MessagePayload Message, IReadOnlyList<FileUpload> Files) Prepare(MessagePayload message)
    {
        var files = message.Files ?? [];
        CheckUploads(files, message.Attachments?.Count ?? 0);
        var attachments = files.Count == 0
            ? message.Attachments
            : [
                .. message.Attachments ?? [],
                .. files.Select((f, i) => new PartialAttachment(new Snowflake((ulong)i)) { Filename = f.FileName, Description = f.Description }),
            ];
        return (message with { AllowedMentions = message.AllowedMentions ?? AllowedMentions.None, Attachments = attachments, Files = null }, files);
    }

    // Discord would refuse these (400 or 413) after the whole body went over the wire; they are the caller's bug.
    private static void CheckUploads(IReadOnlyList<FileUpload> files, int keptAttachments)
    {
        if (files.Count + keptAttachments > FileUpload.MaxPerMessage)
        {
            throw new ArgumentException(
                $"A message carries at most {FileUpload.MaxPerMessage} attachments; this one has {files.Count} new and {keptAttachments} kept.", nameof(files));
        }

        foreach (var file in files)
        {
            if (string.IsNullOrWhiteSpace(file.FileName) || file.FileName.Length > 1024)
            {
                throw new ArgumentException("Every uploaded file needs a file name of 1 to 1024 characters.", nameof(files));
            }

            if (file.Content.Length > FileUpload.MaxBytes)
            {
                throw new ArgumentException($"{file.FileName} has {file.Content.Length} bytes; the upload limit is {FileUpload.MaxBytes} per file.", nameof(files));
            }

            if (file.Description is { Length: > 1024 })
            {
                throw new ArgumentException($"The description of {file.FileName} is longer than 1024 characters.", nameof(files));
            }
        }
    }
}
