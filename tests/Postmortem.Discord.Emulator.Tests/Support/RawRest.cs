using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator.Tests.Support;

/// <summary>A response as a test reads it.</summary>
public sealed record RawResponse(HttpStatusCode Status, JsonNode? Json, HttpResponseHeaders Headers)
{
    public int? Code => Json?["code"]?.GetValue<int>();

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.First() : null;
}

/// <summary>Plain HttpClient calls to the emulator, the way any Discord client would make them.</summary>
public sealed class RawRest : IDisposable
{
    private readonly HttpClient _http;

    public RawRest(DiscordEmulator emulator, bool authorize = true, string? userAgent = "DiscordBot (https://example.test, 1.0)")
    {
        _http = new HttpClient { BaseAddress = emulator.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (authorize)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bot {emulator.BotToken}");
        }

        if (userAgent is not null)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }
    }

    public Task<RawResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<RawResponse> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<RawResponse> PatchAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<RawResponse> PutAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Put, path, body);

    public async Task<RawResponse> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await ReadAsync(await _http.SendAsync(request));
    }

    /// <summary>multipart/form-data with payload_json and files[n], as Discord expects for uploads.</summary>
    public async Task<RawResponse> PostMultipartAsync(string path, JsonNode payload, params (string Name, string Text)[] files)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), "payload_json");
        for (var i = 0; i < files.Length; i++)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(files[i].Text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, $"files[{i}]", files[i].Name);
        }

        return await ReadAsync(await _http.PostAsync(path.TrimStart('/'), content));
    }

    /// <summary>multipart/form-data with payload_json and the parts exactly as given (a null file name sends none).</summary>
    public async Task<RawResponse> PostPartsAsync(string path, JsonNode payload, params (string Part, string? FileName, byte[] Bytes)[] parts)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), "payload_json");
        foreach (var (part, fileName, bytes) in parts)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            if (fileName is null)
            {
                content.Add(file, part);
            }
            else
            {
                content.Add(file, part, fileName);
            }
        }

        return await ReadAsync(await _http.PostAsync(path.TrimStart('/'), content));
    }

    public void Dispose() => _http.Dispose();

    private static async Task<RawResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return new RawResponse(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
        }
    }
}
