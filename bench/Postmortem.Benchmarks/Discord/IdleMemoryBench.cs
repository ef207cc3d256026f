using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Postmortem.Discord.Emulator;
using static Postmortem.Benchmarks.DiscordClient.IdleProcess;

namespace Postmortem.Benchmarks.DiscordClient;

/// <summary>
/// Memory of an idle connected client, measured in child processes so the emulator (Kestrel, its state) in this
/// process does not count: one child connects to the emulator here and idles, another starts the same executable and
/// does nothing. Each measures itself after a full compacting GC; the difference is the client's share.
/// </summary>
internal static class IdleMemoryBench
{
    public static async Task RunAsync(int runs, TimeSpan idle)
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            ValidateSchemas = false,
            EnabledPrivilegedIntents = EmulatorIntents.MessageContent,
        });
        // A small team's server: a handful of channels, a forum, a few dozen members.
        var guild = emulator.CreateGuild("Bench");
        for (var i = 0; i < 10; i++)
        {
            guild.CreateTextChannel($"channel-{i}");
        }

        guild.CreateForumChannel("postmortems", "open", "review", "final");
        for (var i = 0; i < 40; i++)
        {
            guild.AddMember(emulator.CreateUser($"member{i}"));
        }

        var baseline = new List<MemoryFigures>();
        var client = new List<MemoryFigures>();
        for (var run = 0; run < runs; run++)
        {
            baseline.Add(await RunChildAsync("baseline", emulator, idle));
            client.Add(await RunChildAsync("client", emulator, idle));
        }

        var empty = Median(baseline);
        var connected = Median(client);
        Console.WriteLine();
        Console.WriteLine($"Idle connected client, {idle.TotalSeconds:0} s after GUILD_CREATE (1 guild, 11 channels, 41 members), "
                          + $"after a full compacting GC; median of {runs} child processes each:");
        Console.WriteLine("                      GC heap   GC committed   working set   private bytes");
        Print("empty process", empty);
        Print("idle client", connected);
        Print("client's share", new MemoryFigures(
            connected.Heap - empty.Heap, connected.Committed - empty.Committed, connected.WorkingSet - empty.WorkingSet, connected.Private - empty.Private));
        Console.WriteLine($"  (GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent; {Environment.ProcessorCount} cores; .NET {Environment.Version})");
    }

    private static async Task<MemoryFigures> RunChildAsync(string mode, DiscordEmulator emulator, TimeSpan idle)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable to start."),
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            // Started as "dotnet Postmortem.Benchmarks.dll": the child needs the assembly too.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { "discord", "--idle-child", mode, "--idle-seconds", idle.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // The token goes through the environment, not the command line other users can read.
        start.Environment[ApiVariable] = emulator.ApiBaseUrl.ToString();
        start.Environment[TokenVariable] = emulator.BotToken;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        MemoryFigures? figures = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            figures ??= Parse(line);
        }

        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return child.ExitCode == 0 && figures is not null
            ? figures
            : throw new InvalidOperationException($"The {mode} child exited with {child.ExitCode} without a result.");
    }

    private static MemoryFigures Median(List<MemoryFigures> runs)
    {
        long Middle(Func<MemoryFigures, long> figure) => runs.Select(figure).Order().ElementAt(runs.Count / 2);
        return new MemoryFigures(Middle(r => r.Heap), Middle(r => r.Committed), Middle(r => r.WorkingSet), Middle(r => r.Private));
    }

    private static void Print(string label, MemoryFigures figures) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-16} {Mb(figures.Heap),10} {Mb(figures.Committed),14} {Mb(figures.WorkingSet),13} {Mb(figures.Private),15}"));

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.00} MB");
}
