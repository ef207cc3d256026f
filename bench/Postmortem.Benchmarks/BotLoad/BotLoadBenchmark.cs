using System.Globalization;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>
/// dotnet run -c Release --project bench/Postmortem.Benchmarks -- bot-load [--users 100] [--postmortems 20]
/// [--interactions 6000] [--seconds 60] [--warmup 500]
/// <para>
/// The real bot host against the emulator under a team-sized load: many users working on many postmortems at once.
/// Reports the interaction latency (INTERACTION_CREATE dispatched to initial callback received, both instants the
/// emulator's), deadline misses, Discord rule violations, and the bot's memory. Users have no think time: each sends
/// its next interaction as soon as the last one is answered, so this is the bot at full stretch. Takes under a minute.
/// </para>
/// </summary>
internal static class BotLoadBenchmark
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var users = (int)Option(args, "--users", 100);
        var postmortems = (int)Option(args, "--postmortems", 20);
        var budget = (int)Option(args, "--interactions", 6000);
        var warmup = (int)Option(args, "--warmup", 500);
        var limit = TimeSpan.FromSeconds(Option(args, "--seconds", 60));
#if DEBUG
        Console.WriteLine("Warning: a Debug build; run with -c Release for figures worth quoting.");
#endif
        await using var bot = await LoadedBot.StartEmulatorAsync();
        var world = await LoadWorld.ArrangeAsync(bot, postmortems, users, async () =>
        {
            // For comparison: the emulator with the arranged guild before the bot exists, before its recorded state grows.
            Print("Emulator alone, before the bot started", MemorySnapshot.Take());
            await bot.StartBotAsync();
        });
        Console.WriteLine($"Started {postmortems} postmortems; {users} users working on them at once (schema check off; see LoadedBot).");

        // The same mix, unmeasured: JIT, SQLite's page cache and the pools warm up before the figures count.
        await new Workload(bot.Emulator, world, warmup, TimeSpan.FromSeconds(15)).RunAsync();
        var result = await new Workload(bot.Emulator, world, budget, limit).RunAsync();
        ReportLatency(result);
        ReportRules(bot);

        var withBot = MemorySnapshot.Take();
        try
        {
            await bot.StopBotAsync();
        }
        catch (OperationCanceledException e)
        {
            // The host's shutdown timeout cut a service's StopAsync short; what it held is released by Dispose anyway.
            Console.WriteLine($"  The bot host did not stop cleanly: {e.GetType().Name} in {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }

        // Timers and background loops may still hold the host for a moment after StopAsync returned.
        var withoutBot = MemorySnapshot.Take();
        for (var wait = 0; wait < 10 && !bot.BotCollected; wait++)
        {
            await Task.Delay(500);
            withoutBot = MemorySnapshot.Take();
        }

        Console.WriteLine();
        Console.WriteLine("Memory after the load (the bot host runs in this process next to the emulator):");
        Print("Process total, bot and emulator", withBot);
        Print("Emulator alone, after the bot host was stopped and disposed", withoutBot);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  The bot's managed heap (the difference): {withBot.HeapMb - withoutBot.HeapMb:0.0} MB (stopped host collected: {(bot.BotCollected ? "yes" : "NO, the difference understates it")})"));
        Console.WriteLine("  The emulator keeps every message, request and interaction it saw, so the process total overstates the bot;");
        Console.WriteLine("  the heap difference is the bot's share. The working set hardly shrinks when a heap does (the runtime keeps");
        Console.WriteLine("  freed pages), so it is the upper bound for bot + emulator + SQLite's native cache together.");
        return 0;
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

    private static void ReportRules(LoadedBot bot)
    {
        var violations = bot.Emulator.Violations;
        Console.WriteLine($"  Whole run, set-up and warm-up included: emulator violations {violations.Count}; rate-limit hits (429s the bot got) {bot.Emulator.RateLimitHits.Count}");
        foreach (var group in violations.GroupBy(v => v.Source).Take(5))
        {
            Console.WriteLine($"    {group.Count()} x {group.Key}, e.g. {group.First().Reason}");
        }

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
