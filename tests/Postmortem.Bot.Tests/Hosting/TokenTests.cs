using System.Diagnostics;
using Postmortem.Discord.Emulator;

namespace Postmortem.Bot.Tests.Hosting;

/// <summary>
/// The real bot as its own process against the emulator: a token Discord rejects, or one that cannot be a token
/// at all, ends it with one clear line and exit code 1, never an abort.
/// </summary>
public sealed class TokenTests
{
    [Fact]
    public async Task ATokenDiscordRejects_ExitsWithCodeOne_AndOneLineSayingSo()
    {
        await using var discord = await DiscordEmulator.StartAsync();

        var run = await RunBotAsync(discord, "definitely-not-the-token");

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}:\n{run.Output}\n{run.Errors}");
        var fatal = Assert.Single(run.Lines, l => l.Contains("crit:", StringComparison.Ordinal));
        Assert.Contains("rejected the bot token", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, l => l.Contains("Hosting failed to start", StringComparison.Ordinal));
        Assert.DoesNotContain("definitely-not-the-token", run.Output + run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output + run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData(" ")]
    [InlineData("\r\n")]
    [InlineData("\t")]
    public async Task ATokenWithWhitespace_ExitsWithCodeOne_BeforeConnecting(string around)
    {
        await using var discord = await DiscordEmulator.StartAsync();

        var run = await RunBotAsync(discord, discord.BotToken + around);

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}:\n{run.Output}\n{run.Errors}");
        var line = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Discord:Token contains whitespace or a control character", line, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.BotToken, run.Output + run.Errors, StringComparison.Ordinal);
        Assert.Equal(0, discord.RequestCount);
    }

    private static async Task<BotRun> RunBotAsync(DiscordEmulator discord, string token)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Postmortem.Bot.dll");
        var directory = Directory.CreateTempSubdirectory("pm-token-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { bot },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory,
        };
        start.Environment["Discord__Token"] = token;
        start.Environment["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString();
        start.Environment["Storage__DatabasePath"] = Path.Combine(directory, "postmortems.litedb");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var run = new BotRun(process.ExitCode, await output, await errors);
        Directory.Delete(directory, recursive: true);
        return run;
    }

    private sealed record BotRun(int ExitCode, string Output, string Errors)
    {
        public string[] Lines => (Output + "\n" + Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
