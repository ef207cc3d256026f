using Postmortem.Bot.Hosting;
using Postmortem.Terminal;

namespace Postmortem.Bot.Tests.Hosting;

/// <summary>The host in-process: configuration mistakes end it with one clear line; console mode runs a session.</summary>
public sealed class HostStartupTests : IDisposable
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(30);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pm-host-" + Guid.NewGuid().ToString("N"));

    public HostStartupTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "data", "postmortems.litedb");

    [Fact]
    public async Task DiscordMode_WithoutAToken_ExitsWithCodeOne_AndOneLineSayingHowToProvideIt()
    {
        using var host = BotTestHost.Build(BotMode.Discord, new Dictionary<string, string?> { ["Storage:DatabasePath"] = DatabasePath }, _directory);
        var errors = new StringWriter();

        var exitCode = await host.RunBotAsync(errors).WaitAsync(_bound);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Discord:Token is missing", line, StringComparison.Ordinal);
        Assert.Contains("Discord__Token", line, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set Discord:Token <token>", line, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Postmortem.Bot -- playground", line, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath), "Nothing starts when the configuration cannot work.");
    }

    [Theory]
    [InlineData("{ \"id\": \"broken\", \"sections\": [", "bad JSON at line")]
    [InlineData("{ \"id\": \"broken\", \"sections\": [] }", "the template has no sections.")]
    [InlineData("{ \"id\": \"broken\", \"sections\": [ { \"key\": \"summary\", \"kind\": \"essay\", \"prompt\": \"?\" } ] }", "unknown kind \"essay\"")]
    public async Task MalformedTemplate_FailsAtStartup_NamingTheFileAndTheProblem(string json, string problem)
    {
        var templatePath = Path.Combine(_directory, "team-template.json");
        await File.WriteAllTextAsync(templatePath, json);
        using var host = BotTestHost.Build(BotMode.Console, new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DatabasePath,
            ["Postmortem:TemplatePath"] = templatePath,
        }, _directory, Console(""));
        var errors = new StringWriter();

        var exitCode = await host.RunBotAsync(errors).WaitAsync(_bound);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Template {templatePath}: ", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTemplate_FailsAtStartup_NamingTheFile()
    {
        using var host = BotTestHost.Build(BotMode.Console, new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DatabasePath,
            ["Postmortem:TemplatePath"] = "config/templates/no-such-template.json",
        }, _directory, Console(""));
        var errors = new StringWriter();

        var exitCode = await host.RunBotAsync(errors).WaitAsync(_bound);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Template config/templates/no-such-template.json: the file does not exist (looked in ", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSettings_AreListedOneLineEach()
    {
        using var host = BotTestHost.Build(BotMode.Console, new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DatabasePath,
            ["Postmortem:DefaultTimeZone"] = "Mars/Olympus_Mons",
            ["Postmortem:MaxActionItemHorizonDays"] = "0",
        }, _directory, Console(""));
        var errors = new StringWriter();

        var exitCode = await host.RunBotAsync(errors).WaitAsync(_bound);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "Postmortem:MaxActionItemHorizonDays must be between 1 and 366 (was 0).",
                "Postmortem:DefaultTimeZone \"Mars/Olympus_Mons\" is not a known time zone; use an IANA id such as Europe/Berlin or UTC.",
            ],
            errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ConsoleMode_RunsTheSessionOnTheMigratedStore_AndStopsAtTheEndOfTheInput()
    {
        var output = new StringWriter();
        using var host = BotTestHost.Build(
            BotMode.Console,
            new Dictionary<string, string?> { ["Storage:DatabasePath"] = DatabasePath },
            _directory,
            Console("new \"Host test\"\nanswer summary Written through the real host.\nlist\n", output),
            args: ["--user", "dana"]);
        var errors = new StringWriter();

        var exitCode = await host.RunBotAsync(errors).WaitAsync(_bound);

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors.ToString());
        Assert.Contains("ok: Saved Summary (revision 1).", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(" *#1    Draft", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task ConsoleMode_Strict_ExitsWithOne_WhenACommandFailed()
    {
        using var host = BotTestHost.Build(
            BotMode.Console,
            new Dictionary<string, string?> { ["Storage:DatabasePath"] = DatabasePath },
            _directory,
            Console("frobnicate\n"),
            args: BotCommandLine.Parse(["console", "--strict"]).HostArgs);

        var exitCode = await host.RunBotAsync(new StringWriter()).WaitAsync(_bound);

        Assert.Equal(1, exitCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static TerminalConsole Console(string script, TextWriter? output = null) =>
        new(new StringReader(script), output ?? new StringWriter(), IsInteractive: false, UseAnsi: false);
}
