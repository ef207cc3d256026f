using Postmortem.Discord.Emulator;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>One postmortem under load: its thread and the prompt people keep answering.</summary>
internal sealed record LoadedPostmortem(int Number, EmulatedChannel Thread, EmulatedMessage Prompt);

/// <summary>One guild, a channel and a running postmortem per incident, and the members working on them.</summary>
internal sealed record LoadWorld(IReadOnlyList<LoadedPostmortem> Postmortems, IReadOnlyList<EmulatedUser> Users)
{
    /// <summary>Users are spread evenly: user i works on postmortem i mod the postmortem count.</summary>
    public LoadedPostmortem PostmortemOf(int user) => Postmortems[user % Postmortems.Count];

    /// <summary>
    /// Arranges the guild (before the bot starts, so its GUILD_CREATE carries every channel and member), then, once
    /// the bot is up, starts each postmortem by <c>/postmortem start</c> in its own channel and asks its first why,
    /// so the workload's <c>why answer</c> always has "Why 1" to answer.
    /// </summary>
    public static async Task<LoadWorld> ArrangeAsync(DiscordEmulator emulator, int postmortems, int users, Func<Task> startBot)
    {
        var guild = emulator.CreateGuild("Load");
        var channels = Enumerable.Range(1, postmortems).Select(i => guild.CreateTextChannel($"incident-{i}")).ToList();
        var lead = emulator.CreateUser("lead");
        guild.AddMember(lead, DiscordPermissions.ManageGuild);
        var members = Enumerable.Range(1, users).Select(i => emulator.CreateUser($"user{i}")).ToList();
        foreach (var member in members)
        {
            guild.AddMember(member);
        }

        await startBot();
        await LoadEmulator.WaitForBotAsync(emulator);
        var started = new List<LoadedPostmortem>();
        foreach (var (channel, number) in channels.Select((c, i) => (c, i + 1)))
        {
            var start = await emulator.RunSlashCommandAsync(lead, channel, "postmortem", "start", new { title = $"Incident {number}" });
            var original = await start.WaitForOriginalAsync();
            var thread = await emulator.WaitForAsync(
                () => emulator.Threads.FirstOrDefault(t => original.Content.Contains(t.Mention, StringComparison.Ordinal)),
                description: $"the thread of postmortem {number}");
            var prompt = await emulator.WaitForAsync(() => thread.PublicMessages.FirstOrDefault(IsAnswerablePrompt), description: "the first prompt");
            var why = await emulator.RunSlashCommandAsync(lead, thread, "postmortem", "why ask", new { question = "Why did the incident happen?" });
            await why.WaitForOriginalAsync();
            started.Add(new LoadedPostmortem(number, thread, prompt));
        }

        return new LoadWorld(started, members);
    }

    public static string AnswerButton(EmulatedMessage prompt) =>
        prompt.CustomIds.First(id => id.StartsWith("answer:", StringComparison.Ordinal));

    private static bool IsAnswerablePrompt(EmulatedMessage message) =>
        message.CustomIds.Any(id => id.StartsWith("answer:", StringComparison.Ordinal));
}
