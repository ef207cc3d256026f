using Microsoft.Extensions.Configuration;
using Postmortem.Bot.Hosting;

namespace Postmortem.Bot.Tests.Hosting;

/// <summary>The operator commands as the host runs them: parsed from the command line, run against a LiteDB file.</summary>
public sealed class StorageCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-storage-command-").FullName;

    [Theory]
    [InlineData("backup", BotMode.Backup)]
    [InlineData("dump", BotMode.Dump)]
    [InlineData("restore", BotMode.Restore)]
    public void StorageCommands_TakeTheirFile_AndPassTheRestToTheHost(string verb, BotMode expected)
    {
        var commandLine = BotCommandLine.Parse([verb, "out.jsonl", "--Storage:DatabasePath=x.litedb"]);

        Assert.Equal((expected, "out.jsonl", true), (commandLine.Mode, commandLine.Operand, commandLine.IsStorageCommand));
        Assert.Equal(["--Storage:DatabasePath=x.litedb"], commandLine.HostArgs);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public void BackupAndRestore_WithoutAFile_AreAnError(string verb)
    {
        Assert.StartsWith($"{verb} needs a FILE.", BotCommandLine.Parse([verb]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DumpOfAStore_RestoredIntoAnEmptyOne_DumpsTheSameLines_AndASecondRestoreIsRefused()
    {
        var source = Path.Combine(_folder, "source.litedb");
        var copy = Path.Combine(_folder, "copy.litedb");
        var dumpFile = Path.Combine(_folder, "dump.jsonl");
        var console = new StringWriter();
        Assert.Equal(0, await RunTerminalAsync(source, "new \"Outage\"\nanswer summary Written in the terminal.\n", new StringWriter()));

        Assert.Equal(0, await RunAsync(["dump", dumpFile], source, console));
        Assert.Equal(0, await RunAsync(["restore", dumpFile], copy, console));
        var again = new StringWriter();
        Assert.Equal(1, await RunAsync(["restore", dumpFile], copy, again, again));
        var redumped = new StringWriter();
        Assert.Equal(0, await RunAsync(["dump"], copy, redumped));

        Assert.Equal(await File.ReadAllTextAsync(dumpFile), redumped.ToString());
        Assert.Contains("restore needs an empty store", again.ToString(), StringComparison.Ordinal);
        Assert.Contains("Written in the terminal.", redumped.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_OfAStoppedBot_OpensTheFileItself()
    {
        var source = Path.Combine(_folder, "source.litedb");
        Assert.Equal(0, await RunTerminalAsync(source, "new \"Outage\"\n", new StringWriter()));
        var output = new StringWriter();

        Assert.Equal(0, await RunAsync(["backup", Path.Combine(_folder, "backup.litedb")], source, output));

        Assert.StartsWith($"Backup of {source} written to {Path.Combine(_folder, "backup.litedb")} (", output.ToString(), StringComparison.Ordinal);
        var listed = new StringWriter();
        Assert.Equal(0, await RunAsync(["dump"], Path.Combine(_folder, "backup.litedb"), listed));
        Assert.Contains("\"title\":\"Outage\"", listed.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private Task<int> RunAsync(string[] args, string databasePath, TextWriter output, TextWriter? errors = null)
    {
        var commandLine = BotCommandLine.Parse([.. args, $"--Storage:DatabasePath={databasePath}"]);
        var configuration = new ConfigurationBuilder().AddCommandLine([.. commandLine.HostArgs]).Build();
        return StorageCommand.RunAsync(commandLine, configuration, _folder, output, errors ?? output);
    }

    private async Task<int> RunTerminalAsync(string databasePath, string script, TextWriter output)
    {
        using var host = BotTestHost.Build(
            BotMode.Console,
            new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath },
            _folder,
            new Terminal.TerminalConsole(new StringReader(script), output, IsInteractive: false, UseAnsi: false),
            args: ["--user", "dana"]);
        return await host.RunBotAsync(new StringWriter());
    }
}
