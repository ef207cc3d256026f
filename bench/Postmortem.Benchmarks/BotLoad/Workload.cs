using System.Collections.Concurrent;
using System.Diagnostics;
using Postmortem.Discord.Emulator;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>One measured interaction: its kind and the time from INTERACTION_CREATE to the initial callback.</summary>
internal sealed record Sample(string Kind, TimeSpan Latency);

/// <summary>
/// What the workload produced: callback samples, interactions left unanswered, and for deferred responses the time until
/// @original was edited (the follow-up REST work, paced by Discord's per-channel message limits) or null if it never was.
/// </summary>
internal sealed record WorkloadResult(IReadOnlyList<Sample> Samples, int Unanswered, TimeSpan Wall, IReadOnlyList<TimeSpan?> DeferredCompletions);

/// <summary>
/// Every user at once, each repeating the mix: press Answer on their postmortem's prompt and submit the form,
/// <c>/postmortem status</c>, <c>/postmortem timeline add</c>, and <c>/postmortem why ask</c> or <c>why answer</c>
/// (alternately), until the interaction budget or the time limit is spent. Like a person, a user whose command was
/// deferred ("thinking…") waits for the result before the next step, so the follow-up REST backlog stays what a real
/// team could cause; there is no other think time. Latency is the emulator's own pair of
/// instants (<see cref="InteractionHandle.CreatedAt"/> to <see cref="InteractionResponse.At"/>), so what is measured is
/// the bot's receive-handle-respond path and the loopback sockets, not this loop's scheduling.
/// </summary>
internal sealed class Workload(DiscordEmulator emulator, LoadWorld world, int budget, TimeSpan limit)
{
    /// <summary>Past this an interaction has missed its callback for good; Discord's own deadline is 3 s.</summary>
    private static readonly TimeSpan _responseWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentBag<Sample> _samples = [];
    private readonly ConcurrentBag<TimeSpan?> _deferred = [];
    private int _started;
    private int _unanswered;
    private Stopwatch _wall = new();

    public async Task<WorkloadResult> RunAsync()
    {
        _wall = Stopwatch.StartNew();
        await Task.WhenAll(world.Users.Select((_, user) => Task.Run(() => UserAsync(user))));
        _wall.Stop();
        return new WorkloadResult([.. _samples], _unanswered, _wall.Elapsed, [.. _deferred]);
    }

    private async Task UserAsync(int user)
    {
        var who = world.Users[user];
        var postmortem = world.PostmortemOf(user);
        // Staggered so that at any moment every kind of interaction is in flight.
        for (var step = user; ; step++)
        {
            var done = (step % 5) switch
            {
                0 => await AnswerPromptAsync(who, postmortem, step),
                1 => await SlashAsync("status", who, postmortem.Thread, "status", null),
                2 => await SlashAsync("timeline add", who, postmortem.Thread, "timeline add",
                    new { when = "2021-05-06 14:30", kind = "note", what = $"Note {step} from {who.Name}" }),
                3 => await SlashAsync("why ask", who, postmortem.Thread, "why ask", new { question = $"Why did step {step} go wrong?" }),
                _ => await SlashAsync("why answer", who, postmortem.Thread, "why answer", new { why = "1", text = $"Because of {who.Name}'s finding {step}." }),
            };
            if (!done)
            {
                return;
            }
        }
    }

    private async Task<bool> AnswerPromptAsync(EmulatedUser user, LoadedPostmortem postmortem, int step)
    {
        if (!TryStart())
        {
            return false;
        }

        var click = await emulator.ClickButtonAsync(user, postmortem.Prompt, LoadWorld.AnswerButton(postmortem.Prompt));
        if (await MeasureAsync("answer button", click) is not { IsModal: true } || !TryStart())
        {
            return !IsOver;
        }

        var submit = await emulator.SubmitModalAsync(user, click, new Dictionary<string, string>
        {
            ["text"] = $"Answer {step} from {user.Name}: the deploy went out before the canary finished.",
        });
        await MeasureAsync("answer submit", submit);
        return true;
    }

    private async Task<bool> SlashAsync(string kind, EmulatedUser user, EmulatedChannel channel, string subcommand, object? options)
    {
        if (!TryStart())
        {
            return false;
        }

        var handle = await emulator.RunSlashCommandAsync(user, channel, "postmortem", subcommand, options);
        await MeasureAsync(kind, handle);
        return true;
    }

    private async Task<InteractionResponse?> MeasureAsync(string kind, InteractionHandle handle)
    {
        try
        {
            var response = await handle.ResponseAsync(_responseWait);
            _samples.Add(new Sample(kind, response.At - handle.CreatedAt));
            if (response.IsDeferred)
            {
                _deferred.Add(await CompletionAsync(handle));
            }

            return response;
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref _unanswered);
            return null;
        }
    }

    private static async Task<TimeSpan?> CompletionAsync(InteractionHandle handle)
    {
        try
        {
            var original = await handle.WaitForOriginalAsync(TimeSpan.FromSeconds(30));
            return (original.EditedAt ?? original.CreatedAt) - handle.CreatedAt;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private bool IsOver => Volatile.Read(ref _started) >= budget || _wall.Elapsed >= limit;

    private bool TryStart() => _wall.Elapsed < limit && Interlocked.Increment(ref _started) <= budget;
}
