using System.Diagnostics;
using System.Globalization;
using Postmortem.Discord.Emulator;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>
/// dotnet run -c Release --project bench/Postmortem.Benchmarks -- bot-load [--users 100] [--postmortems 20]
/// [--interactions 6000] [--seconds 60] [--warmup 500] [--emulator-process]
/// <para>
/// The real bot host against the emulator under a team-sized load: many users working on many postmortems at once.
/// Reports the interaction latency (INTERACTION_CREATE dispatched to initial callback received, both instants the
/// emulator's), deadline misses, Discord rule violations, and the bot's memory. Users have no think time: each sends
/// its next interaction as soon as the last one is answered, so this is the bot at full stretch. Takes under a minute.
/// </para>
/// <para>
/// With --emulator-process the emulator and the simulated users run in a child process (this executable again, verb
/// bot-load-emulator) and the bot in this one, talking over loopback as a real bot and Discord would: neither's garbage
/// collector pauses the other, and the memory figures are the bot's alone.
/// </para>
/// </summary>
internal static class BotLoadBenchmark
{
    /// <summary>The verb the child process is started with (see Program.cs).</summary>
    public const string EmulatorProcessVerb = "bot-load-emulator";

    // The child's lines that are protocol, not report: where the bot should connect, and that the load is over.
    private const string ConnectLine = "BOT-LOAD-CONNECT";
    private const string DoneLine = "BOT-LOAD-DONE";

    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
#if DEBUG
        Console.WriteLine("Warning: a Debug build; run with -c Release for figures worth quoting.");
#endif
        return args.Contains("--emulator-process")
            ? await RunWithEmulatorProcessAsync([.. args.Where(a => a != "--emulator-process")])
            : await RunInProcessAsync(args);
    }

    /// <summary>The child of --emulator-process: the emulator and the users; the bot connects from the parent.</summary>
    public static async Task<int> RunEmulatorProcessAsync(IReadOnlyList<string> args)
    {
        await using var emulator = await LoadEmulator.StartAsync();
        await RunLoadAsync(emulator, args, () =>
        {
            // Only the parent reads this line; the token is the emulator's own, made up for this run.
            Console.WriteLine($"{ConnectLine} {emulator.BotToken} {emulator.ApiBaseUrl}");
            return Task.CompletedTask;
        });
        Print("Emulator process after the load (emulator and simulated users)", MemorySnapshot.Take());
        Console.WriteLine(DoneLine);
        // Stay up until the parent has stopped the bot, so the bot's shutdown talks to a live Discord.
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        return 0;
    }

    private static async Task<int> RunInProcessAsync(IReadOnlyList<string> args)
    {
        await using var emulator = await LoadEmulator.StartAsync();
        await using var bot = new BotHost();
        await RunLoadAsync(emulator, args, async () =>
        {
            // For comparison: the emulator with the arranged guild before the bot exists, before its recorded state grows.
            Print("Emulator alone, before the bot started", MemorySnapshot.Take());
            await bot.StartAsync(emulator.BotToken, emulator.ApiBaseUrl);
        });
        ReportBotLog(bot);
        ReportLogFile(bot);

        await ReportMemoryAsync(
            bot,
            "Memory after the load (the bot host runs in this process next to the emulator):",
            "Process total, bot and emulator",
            "Emulator alone, after the bot host was stopped and disposed");
        Console.WriteLine("  The emulator's recorded history is a ring (EmulatorOptions.HistoryLimit), but its live state (messages,");
        Console.WriteLine("  interactions whose tokens live) grows with the run, so the process total overstates the bot; the heap");
        Console.WriteLine("  difference is the bot's share. The working set hardly shrinks when a heap does (the runtime keeps freed");
        Console.WriteLine("  pages), so it is the upper bound for bot + emulator + the storage engine's cache together.");
        return 0;
    }

    private static async Task<int> RunWithEmulatorProcessAsync(IReadOnlyList<string> args)
    {
        using var child = StartEmulatorProcess(args);
        await using var bot = new BotHost();
        var done = false;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ConnectLine + " ", StringComparison.Ordinal) && line.Split(' ') is [_, var token, var api])
            {
                await bot.StartAsync(token, new Uri(api));
            }
            else if (line == DoneLine)
            {
                done = true;
                break;
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        if (!done)
        {
            await child.WaitForExitAsync();
            Console.Error.WriteLine($"The emulator process ended before the load was done (exit code {child.ExitCode}).");
            return 1;
        }

        ReportBotLog(bot);
        ReportLogFile(bot);
        await ReportMemoryAsync(
            bot,
            "Memory of the bot's process (the emulator ran in its own process):",
            "Bot process after the load",
            "Bot process after its host was stopped and disposed");
        child.StandardInput.Close();
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    // This executable again with the child's verb: the app host when there is one, else `dotnet <this assembly>`.
    private static Process StartEmulatorProcess(IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable this is.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BotLoadBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add(EmulatorProcessVerb);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {self}.");
    }

    // The emulator's side of a run: arrange, warm up, measure, report what the emulator saw.
    private static async Task RunLoadAsync(DiscordEmulator emulator, IReadOnlyList<string> args, Func<Task> startBot)
    {
        var users = (int)Option(args, "--users", 100);
        var postmortems = (int)Option(args, "--postmortems", 20);
        var budget = (int)Option(args, "--interactions", 6000);
        var warmup = (int)Option(args, "--warmup", 500);
        var limit = TimeSpan.FromSeconds(Option(args, "--seconds", 60));
        var world = await LoadWorld.ArrangeAsync(emulator, postmortems, users, startBot);
        Console.WriteLine($"Started {postmortems} postmortems; {users} users working on them at once (schema check off; see LoadEmulator).");

        // The same mix, unmeasured: JIT, the storage engine's cache and the pools warm up before the figures count.
        await new Workload(emulator, world, warmup, TimeSpan.FromSeconds(15)).RunAsync();
        var result = await new Workload(emulator, world, budget, limit).RunAsync();
        ReportLatency(result);
        ReportRules(emulator);
    }

    // Memory with the bot, then after it was stopped: the difference is the bot's heap.
    private static async Task ReportMemoryAsync(BotHost bot, string title, string withBotLabel, string withoutBotLabel)
    {
        var (withBot, withoutBot) = await StopAndMeasureAsync(bot);
        Console.WriteLine();
        Console.WriteLine(title);
        Print(withBotLabel, withBot);
        Print(withoutBotLabel, withoutBot);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  The bot's managed heap (the difference): {withBot.HeapMb - withoutBot.HeapMb:0.0} MB (stopped host collected: {(bot.Collected ? "yes" : "NO, the difference understates it")})"));
    }

    private static async Task<(MemorySnapshot WithBot, MemorySnapshot WithoutBot)> StopAndMeasureAsync(BotHost bot)
    {
        var withBot = MemorySnapshot.Take();
        try
        {
            await bot.StopAsync();
        }
        catch (OperationCanceledException e)
        {
            // The host's shutdown timeout cut a service's StopAsync short; what it held is released by Dispose anyway.
            Console.WriteLine($"  The bot host did not stop cleanly: {e.GetType().Name} in {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }

        // Timers and background loops may still hold the host for a moment after StopAsync returned.
        var withoutBot = MemorySnapshot.Take();
        for (var wait = 0; wait < 10 && !bot.Collected; wait++)
        {
            await Task.Delay(500);
            withoutBot = MemorySnapshot.Take();
        }

        return (withBot, withoutBot);
    }

    private static void ReportLatency(WorkloadResult result)
    {
        var samples = result.Samples;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Interaction latency, INTERACTION_CREATE dispatched -> initial callback received: {samples.Count} interactions in {result.Wall.TotalSeconds:0.0} s ({samples.Count / result.Wall.TotalSeconds:0} /s), after a warm-up"));
        Console.WriteLine("  kind              count    p50 ms    p95 ms    p99 ms    max ms");
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row(group.Key, [.. group.Select(s => s.Latency.TotalMilliseconds)]);
        }

        Row("all", [.. samples.Select(s => s.Latency.TotalMilliseconds)]);
        var misses = samples.Count(s => s.Latency > _deadline);
        Console.WriteLine($"  Deadline misses (callback later than 3 s): {misses}; no callback within 10 s: {result.Unanswered}");
        var completed = result.DeferredCompletions.OfType<TimeSpan>().Select(t => t.TotalMilliseconds).ToArray();
        Console.WriteLine($"  Deferred (why ask/answer), until @original was edited, paced by the per-channel message limit; {result.DeferredCompletions.Count - completed.Length} not within 30 s:");
        if (completed.Length > 0)
        {
            Row("deferred done", completed);
        }
    }

    private static void ReportRules(DiscordEmulator emulator)
    {
        var violations = emulator.Violations;
        Console.WriteLine($"  Whole run, set-up and warm-up included: emulator violations {violations.Count}; rate-limit hits (429s the bot got) {emulator.RateLimitHitCount}; REST requests {emulator.RequestCount}");
        foreach (var hits in emulator.RateLimitHits.GroupBy(h => h.Global ? "global" : h.Route).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"    {hits.Count()} x 429 on {hits.Key}");
        }

        foreach (var group in violations.GroupBy(v => v.Source).Take(5))
        {
            Console.WriteLine($"    {group.Count()} x {group.Key}, e.g. {group.First().Reason}");
        }
    }

    private static void ReportLogFile(BotHost bot) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  LiteDB log file at the end of the load (before shutdown): {bot.LogFileBytes / 1024.0:0.0} KiB"));

    private static void ReportBotLog(BotHost bot)
    {
        Console.WriteLine($"  Bot log: {bot.Log.Warnings} warnings, {bot.Log.Errors} errors");
        foreach (var line in bot.Log.First)
        {
            Console.WriteLine($"    {line}");
        }
    }

    private static void Row(string kind, double[] latencies) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {kind,-15} {latencies.Length,7} {Percentile(latencies, 50),9:0.0} {Percentile(latencies, 95),9:0.0} {Percentile(latencies, 99),9:0.0} {latencies.Max(),9:0.0}"));

    private static void Print(string what, MemorySnapshot memory) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: GC heap {memory.HeapMb:0.0} MB, working set {memory.WorkingSetMb:0.0} MB"));

    // Nearest-rank percentile.
    private static double Percentile(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Option(IReadOnlyList<string> args, string name, double fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
