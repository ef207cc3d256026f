using System.Globalization;

// Not "...Benchmarks.Discord": that namespace would hide Postmortem.Discord from every file in the project.
namespace Postmortem.Benchmarks.DiscordClient;

/// <summary>
/// dotnet run -c Release --project bench/Postmortem.Benchmarks -- discord [--interactions 1000] [--concurrency 1,8,32]
/// [--memory-runs 3] [--idle-seconds 5]
/// <para>
/// Figures for our Discord client against the emulator on loopback: interaction latency (event in to callback out)
/// and the memory of an idle connected client. A console bench, not BenchmarkDotNet: both figures are end to end
/// over real sockets. Takes about a minute.
/// </para>
/// </summary>
internal static class DiscordBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var idle = TimeSpan.FromSeconds(Option(args, "--idle-seconds", 5));
        if (Text(args, "--idle-child") is { } mode)
        {
            return await IdleProcess.RunAsync(withClient: mode == "client", idle);
        }

        var interactions = (int)Option(args, "--interactions", 1000);
        var concurrencies = (Text(args, "--concurrency") ?? "1,8,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
#if DEBUG
        Console.WriteLine("Warning: a Debug build; run with -c Release for figures worth quoting.");
#endif
        await InteractionLatencyBench.RunAsync(interactions, concurrencies);
        await IdleMemoryBench.RunAsync((int)Option(args, "--memory-runs", 3), idle);
        return 0;
    }

    private static string? Text(IReadOnlyList<string> args, string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }

    private static double Option(IReadOnlyList<string> args, string name, double fallback) =>
        Text(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
