using System.Net;
using System.Net.Http.Json;
using Postmortem.Discord.Emulator;

namespace Postmortem.Discord.Tests.Integration.Support;

/// <summary>
/// Raw REST calls with the bot's token from outside our client, like a second process of the bot would make them:
/// they use up rate limits our client cannot know about, so its next request meets a 429 it could not foresee.
/// </summary>
internal sealed class OtherProcess : IDisposable
{
    private readonly HttpClient _http;

    public OtherProcess(DiscordEmulator emulator)
    {
        _http = new HttpClient { BaseAddress = emulator.ApiBaseUrl };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bot {emulator.BotToken}");
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.test/other, 1.0)");
    }

    public async Task PostMessageAsync(ulong channelId, string content)
    {
        using var response = await _http.PostAsJsonAsync($"channels/{channelId}/messages", new { content });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task GetCurrentUserAsync()
    {
        using var response = await _http.GetAsync(new Uri("users/@me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();
}
