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
        // HistoryLimit stays at its default: the recorded history is a ring, so the emulator's own heap (and its GC
        // pauses, which land in every latency it measures) does not grow with the run.
    });

    /// <summary>Until the bot identified, registered /postmortem and has a ready session.</summary>
    public static async Task WaitForBotAsync(DiscordEmulator emulator)
    {
        await emulator.Gateway.WaitForIdentifyAsync(1);
        await emulator.WaitForAsync(() => emulator.RegisteredCommands.Any(c => c.Name == "postmortem"), description: "/postmortem registered");
        await emulator.WaitForAsync(() => emulator.Gateway.IsReady, description: "the gateway ready");
    }
}
