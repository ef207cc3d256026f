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
        var attachments = files.Count == 0
            ? message.Attachments
            : [
                .. message.Attachments ?? [],
                .. files.Select((f, i) => new PartialAttachment(new Snowflake((ulong)i)) { Filename = f.FileName, Description = f.Description }),
            ];
        return (message with { AllowedMentions = message.AllowedMentions ?? AllowedMentions.None, Attachments = attachments, Files = null }, files);
    }
}
