using System.Net;
using Postmortem.Bot.PlaygroundMode;

namespace Postmortem.Playground.Tests;

/// <summary>The playground without a browser: its data folder and who it answers.</summary>
public sealed class PlaygroundSessionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("postmortem-playground-session-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The database pool may hold the file for a moment; the OS cleans temp folders.
        }
    }

    [Fact]
    public async Task Fresh_DeletesTheOldDatabase_AndNothingElseInTheFolder()
    {
        var options = new PlaygroundOptions { Port = 0, Fresh = true, DataDirectory = _directory };
        await File.WriteAllTextAsync(options.DatabasePath, "not a database: the bot could not open this");
        var mine = Path.Combine(_directory, "notes.txt");
        await File.WriteAllTextAsync(mine, "keep me");

        await using (var session = await PlaygroundSession.StartAsync(options, settings => PlaygroundVerb.BuildBot(settings, [])))
        {
            Assert.NotEmpty(session.Emulator.RegisteredCommands);
        }

        Assert.Equal("keep me", await File.ReadAllTextAsync(mine));
        Assert.True(File.Exists(options.DatabasePath));
    }

    [Fact]
    public async Task ThePage_AnswersLoopbackNames_AndRefusesAnyOtherHost()
    {
        var options = new PlaygroundOptions { Port = 0, Fresh = true, DataDirectory = _directory };
        await using var session = await PlaygroundSession.StartAsync(options, settings => PlaygroundVerb.BuildBot(settings, []));
        using var http = new HttpClient { BaseAddress = session.Url };

        using var local = await http.GetAsync(new Uri("/api/people", UriKind.Relative));
        using var rebound = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/people", UriKind.Relative));
        rebound.Headers.Host = "attacker.example";
        using var refused = await http.SendAsync(rebound);

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Contains("Ana", await local.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
        Assert.Equal("127.0.0.1", session.Url.Host);
    }
}
