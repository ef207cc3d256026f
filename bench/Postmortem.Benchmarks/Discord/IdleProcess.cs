using System.Diagnostics;
using System.Globalization;
using Postmortem.Discord;
using Postmortem.Discord.Gateway;

namespace Postmortem.Benchmarks.DiscordClient;

/// <summary>
/// The child process of the memory bench: either an idle connected client, or (the baseline) the same executable doing
/// nothing, so the difference is what the client costs. It never touches the emulator, which lives in the parent.
/// </summary>
internal static class IdleProcess
{
    public const string ApiVariable = "POSTMORTEM_BENCH_DISCORD_API";
    public const string TokenVariable = "Discord__Token";
    private const string ResultPrefix = "idle-memory";

    public static async Task<int> RunAsync(bool withClient, TimeSpan idle)
    {
        BenchClient? client = null;
        if (withClient)
        {
            var api = new Uri(Environment.GetEnvironmentVariable(ApiVariable) ?? throw new InvalidOperationException($"{ApiVariable} is not set."));
            var token = Environment.GetEnvironmentVariable(TokenVariable) ?? throw new InvalidOperationException($"{TokenVariable} is not set.");
            var guild = new FirstEvent<GuildCreateEvent>();
            // The bot's real intents (the parent's emulator has Message Content enabled).
            client = await BenchClient.StartAsync(api, token, new DiscordOptions().Intents, _ => [guild]);
            await guild.Seen.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await Task.Delay(idle);
        Console.WriteLine(Measure().ToLine());
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        return 0;
    }

    /// <summary>Reads the child's result line, or null if <paramref name="line"/> is something else.</summary>
    public static MemoryFigures? Parse(string? line)
    {
        if (line is null || !line.StartsWith(ResultPrefix + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var values = line[(ResultPrefix.Length + 1)..].Split(' ')
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture));
        return new MemoryFigures(values["heap"], values["committed"], values["ws"], values["private"]);
    }

    private static MemoryFigures Measure()
    {
        // Twice, with the finalizers in between, so what is left is what the process really holds on to.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new MemoryFigures(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes,
            process.WorkingSet64, process.PrivateMemorySize64);
    }

    /// <summary>Bytes: live GC heap, memory the GC has committed, working set, private bytes.</summary>
    public sealed record MemoryFigures(long Heap, long Committed, long WorkingSet, long Private)
    {
        public string ToLine() => string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix} heap={Heap} committed={Committed} ws={WorkingSet} private={Private}");
    }
}
