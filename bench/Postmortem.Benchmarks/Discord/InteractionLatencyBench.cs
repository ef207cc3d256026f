using System.Diagnostics;
using System.Globalization;
using Postmortem.Discord;
using Postmortem.Discord.Emulator;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using InteractionResponse = Postmortem.Discord.Models.InteractionResponse;

namespace Postmortem.Benchmarks.DiscordClient;

/// <summary>
/// Event-in to callback-out: the emulator sends INTERACTION_CREATE for /ping, our gateway client delivers it, a
/// trivial handler answers with a type-4 message through our REST client, and the emulator receives the callback.
/// Both instants are the emulator's own (<see cref="InteractionHandle.CreatedAt"/>, the instant Discord's 3-second
/// deadline counts from, and <see cref="Postmortem.Discord.Emulator.InteractionResponse.At"/>), so no clocks are compared across sides.
/// </summary>
internal static class InteractionLatencyBench
{
    private const int Warmup = 200;

    public static async Task RunAsync(int interactions, IReadOnlyList<int> concurrencies)
    {
        // The schema check (a node process per request) is off: it would share the 2 cores with what is measured, and
        // the tests already hold every request to it. The emulator stamps the callback before that check anyway.
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { ValidateSchemas = false });
        var guild = emulator.CreateGuild("Bench");
        var channel = guild.CreateTextChannel("incidents");
        var users = Enumerable.Range(0, concurrencies.Max()).Select(i => emulator.CreateUser($"user{i}")).ToList();
        foreach (var user in users)
        {
            guild.AddMember(user);
        }

        var ready = new FirstEvent<GuildCreateEvent>();
        await using var client = await BenchClient.StartAsync(
            emulator.ApiBaseUrl, emulator.BotToken, GatewayIntents.Guilds | GatewayIntents.GuildMessages,
            rest => [ready, new PongHandler(rest)]);
        await ready.Seen.WaitAsync(TimeSpan.FromSeconds(30));
        await client.Rest.OverwriteGuildCommandsAsync(
            new Snowflake(emulator.ApplicationId), new Snowflake(guild.Id),
            [new ApplicationCommand { Name = "ping", Description = "Answers pong" }]);

        await MeasureAsync(emulator, channel, users, Warmup, concurrency: 1);
        Console.WriteLine($"Interaction latency, INTERACTION_CREATE sent -> callback received, {interactions} interactions per row (after {Warmup} warm-up):");
        Console.WriteLine("  concurrency    p50 ms    p90 ms    p99 ms    max ms   mean ms   interactions/s");
        foreach (var concurrency in concurrencies)
        {
            var wall = Stopwatch.StartNew();
            var latencies = await MeasureAsync(emulator, channel, users, interactions, concurrency);
            wall.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {concurrency,11} {Percentile(latencies, 50),9:0.00} {Percentile(latencies, 90),9:0.00} {Percentile(latencies, 99),9:0.00} "
                + $"{latencies.Max(),9:0.00} {latencies.Average(),9:0.00} {interactions / wall.Elapsed.TotalSeconds,16:0}"));
        }

        if (emulator.Violations.Count > 0)
        {
            throw new InvalidOperationException($"The client broke Discord's rules during the bench: {emulator.Violations[0]}");
        }
    }

    /// <summary><paramref name="count"/> interactions, <paramref name="concurrency"/> users at a time; latencies in ms.</summary>
    private static async Task<double[]> MeasureAsync(
        DiscordEmulator emulator, EmulatedChannel channel, List<EmulatedUser> users, int count, int concurrency)
    {
        var latencies = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var handle = await emulator.RunSlashCommandAsync(users[worker], channel, "ping");
                var response = await handle.ResponseAsync(TimeSpan.FromSeconds(10));
                latencies[i] = (response.At - handle.CreatedAt).TotalMilliseconds;
            }
        })));
        return latencies;
    }

    // Nearest-rank percentile.
    private static double Percentile(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The trivial bot: every slash command gets "pong" (callback type 4).</summary>
    private sealed class PongHandler(IDiscordRestClient rest) : IGatewayEventHandler
    {
        private static readonly InteractionResponse _pong = InteractionResponse.Message(new MessagePayload { Content = "pong" });

        public async ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
        {
            if (evt is InteractionCreateEvent { Interaction: { Type: InteractionType.ApplicationCommand } interaction })
            {
                await rest.RespondAsync(interaction, _pong, cancellationToken);
            }
        }
    }
}
