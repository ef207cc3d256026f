using Postmortem.Discord.Emulator;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>The emulator as the load benchmark runs it, and the wait for a bot to be ready on it.</summary>
internal static class LoadEmulator
{
    public static Task<DiscordEmulator> StartAsync() => DiscordEmulator.StartAsync(new EmulatorOptions
    {
        // The schema check is a node process validating every request body: it would compete with the bot for
        // the 2 cores. The tests already hold every request to it, and the C# limit checks stay on.
        ValidateSchemas = false,
        EnabledPrivilegedIntents = EmulatorIntents.MessageContent,
        // A generous wait for the set-up steps; the measured waits pass their own timeout.
        WaitTimeout = TimeSpan.FromSeconds(30),
        // The report reads only totals and the last 429s, so a short ring of recorded history is enough: the
        // emulator's own heap, whose GC pauses land in every latency it measures, then grows only with live state.
        HistoryLimit = 1_000,
    });

    /// <summary>Until the bot identified, registered /postmortem and has a ready session.</summary>
    public static async Task WaitForBotAsync(DiscordEmulator emulator)
    {
        await emulator.Gateway.WaitForIdentifyAsync(1);
        await emulator.WaitForAsync(() => emulator.RegisteredCommands.Any(c => c.Name == "postmortem"), description: "/postmortem registered");
        await emulator.WaitForAsync(() => emulator.Gateway.IsReady, description: "the gateway ready");
    }
}
