using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Postmortem.Core.Application;
using Postmortem.Core.Reminders;
using Postmortem.Discord;
using Postmortem.Discord.Emulator;
using Postmortem.Discord.Rest;
using Postmortem.Reminders;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Quartz;
using Postmortem.Storage.LiteDb;
using Postmortem.Storage.LiteDb.Engine;
using Quartz;

namespace Postmortem.Benchmarks.Reminders;

/// <summary>
/// dotnet run -c Release --project bench/Postmortem.Benchmarks -- reminders [--items 100000] [--burst 5000] [--owners 5000]
/// <para>
/// 100,000 open action items in a fresh LiteDB file; the bot's real reminder host (Quartz, the schedule rebuild,
/// the delivery workers, the real DiscordRestClient) against the Discord emulator on loopback, which enforces
/// Discord's 50 requests/s global limit. Measures the startup rebuild (cold: every item folded into the schedule;
/// warm: a plain restart), memory after startup, how late the due scan fires for a burst of 5,000 reminders in
/// one minute, and the delivery rate and request count that follow.
/// </para>
/// </summary>
internal static class ReminderBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var items = Option(args, "--items", 100_000);
        var burst = Option(args, "--burst", 5_000);
        var owners = Option(args, "--owners", 5_000);
        var folder = Path.Combine(Path.GetTempPath(), "pm-reminder-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "postmortems.litedb");
        try
        {
            // The report reads every request of the burst (5,000 reminders, more requests), so keep the whole history.
            await using var discord = await DiscordEmulator.StartAsync(new EmulatorOptions { ValidateSchemas = false, HistoryLimit = null });
            Console.WriteLine($"Reminder benchmark: {items:N0} open action items, {burst:N0} due in the same minute, {owners:N0} owners.");

            var setup = Stopwatch.StartNew();
            var guild = discord.CreateGuild("Bench");
            var channel = guild.CreateTextChannel("postmortems");
            var users = Enumerable.Range(0, owners).Select(i => discord.CreateUser($"owner{i}")).ToList();
            var dmChannels = users.Select(u => (User: u.Id.ToString(CultureInfo.InvariantCulture), Channel: discord.OpenDm(u).Id.ToString(CultureInfo.InvariantCulture))).ToList();

            var now = DateTimeOffset.UtcNow;
            if (now.TimeOfDay > TimeSpan.FromHours(23.9))
            {
                Console.Error.WriteLine("Too close to midnight UTC for a same-day burst; run it again in a few minutes.");
                return 1;
            }

            using (var database = new LiteDbDatabase(databasePath))
            {
                await BenchData.SeedAsync(database, guild.Id.ToString(CultureInfo.InvariantCulture), channel.Id.ToString(CultureInfo.InvariantCulture),
                    dmChannels.Select(d => d.User).ToList(), items, burst, DateOnly.FromDateTime(now.UtcDateTime), TimeProvider.System);
                await BenchData.SeedDmChannelsAsync(database, dmChannels, now);
            }

            Console.WriteLine($"Setup (emulator users, {items:N0} items through the aggregate and repository): {setup.Elapsed.TotalSeconds:0.0} s");

            // The burst slot: the next whole minute at least 20 s after startup is expected to be done.
            var slot = NextMinute(DateTimeOffset.UtcNow.AddSeconds(40));
            var timing = new BurstTiming(slot);
            var beforeHost = GC.GetTotalMemory(forceFullCollection: true);

            var cold = Stopwatch.StartNew();
            var host = await StartHostAsync(databasePath, discord, slot, timing);
            cold.Stop();
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var workingSet = Process.GetCurrentProcess().WorkingSet64;
            var scheduled = await host.Services.GetRequiredService<IReminderScheduleStore>().CountAsync();
            var planned = await host.Services.GetRequiredService<DueReminderTrigger>().PlannedAtAsync();
            Console.WriteLine($"Cold start (all {scheduled:N0} items folded into the schedule, triggers built): {cold.Elapsed.TotalSeconds:0.00} s");
            Console.WriteLine($"Memory after startup: working set {workingSet / 1048576.0:0} MB (whole process, emulator included), "
                + $"GC heap {heap / 1048576.0:0} MB ({(heap - beforeHost) / 1048576.0:+0;-0} MB for the reminder host)");
            Console.WriteLine($"Due scan planned at {planned:HH:mm:ss} (the burst slot {slot:HH:mm:ss}); waiting for it...");

            var requestsBefore = discord.Requests.Count;
            var deadline = slot + TimeSpan.FromSeconds(burst / 50.0 * 2 + 120);
            await timing.WaitForAsync(burst, deadline - DateTimeOffset.UtcNow);
            var burstRequests = discord.Requests.Skip(requestsBefore).ToList();
            var logBytes = await host.Services.GetRequiredService<LiteDbDatabase>().LogSizeAsync();
            Console.WriteLine($"LiteDB log file at the end of the burst (before shutdown): {logBytes / 1024.0:0.0} KiB");
            await host.StopAsync();
            host.Dispose();

            var warm = Stopwatch.StartNew();
            var restarted = await StartHostAsync(databasePath, discord, slot, new BurstTiming(slot));
            warm.Stop();
            await restarted.StopAsync();
            restarted.Dispose();

            Report(timing, burst, burstRequests, discord, warm.Elapsed);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<IHost> StartHostAsync(string databasePath, DiscordEmulator discord, DateTimeOffset slot, BurstTiming timing)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Reminders:LocalTime"] = slot.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Reminders:DaysBefore:0"] = "0",
        });
        var http = new HttpClient();
        builder.Services.AddSingleton(http);
        builder.Services.AddSingleton<IDiscordRestClient>(new DiscordRestClient(
            http,
            Options.Create(new DiscordOptions { Token = discord.BotToken, ApiBaseUrl = discord.ApiBaseUrl }),
            TimeProvider.System,
            NullLogger<DiscordRestClient>.Instance));
        builder.Services.AddSingleton<IReminderSender>(sp => new TimedSender(ActivatorUtilities.CreateInstance<DiscordReminderSender>(sp), timing));
        builder.Services.AddLiteDbStorage(builder.Configuration);
        builder.Services.AddSingleton(sp => new PostmortemService(sp.GetRequiredService<IPostmortemRepository>(), TimeProvider.System));
        builder.Services.AddPostmortemReminders(builder.Configuration, quartz => quartz.AddJobListener(timing, [Matchers.AllJobs()]));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static void Report(BurstTiming timing, int burst, List<Discord.Emulator.RecordedRequest> requests, DiscordEmulator discord, TimeSpan warm)
    {
        Console.WriteLine();
        Console.WriteLine($"Due scan fired {Ms(timing.ScanLateness)} after the slot (Quartz scheduled → fired).");
        var started = timing.Started.Order().ToList();
        var sent = timing.Sent.Order().ToList();
        Console.WriteLine($"Reminders sent: {sent.Count:N0} of {burst:N0}");
        if (sent.Count > 0)
        {
            Console.WriteLine($"  picked up by a worker after the slot: median {Ms(Percentile(started, 0.5))}, p99 {Ms(Percentile(started, 0.99))}");
            Console.WriteLine($"  sent (Discord answered) after the slot: median {Ms(Percentile(sent, 0.5))}, p99 {Ms(Percentile(sent, 0.99))}, last {Ms(sent[^1])}");
        }

        var messages = requests.Where(r => r.Key == "POST /channels/{channel_id}/messages" && r.Status is >= 200 and < 300).OrderBy(r => r.At).ToList();
        if (messages.Count > 1)
        {
            var span = (messages[^1].At - messages[0].At).TotalSeconds;
            var busiest = messages.Select((m, i) => messages.Skip(i).TakeWhile(n => n.At - m.At < TimeSpan.FromSeconds(1)).Count()).Max();
            Console.WriteLine($"Delivery rate: {(messages.Count - 1) / span:0.0} messages/s over {span:0.0} s; busiest 1-second window {busiest} requests");
        }

        Console.WriteLine($"Requests during the burst: {requests.Count:N0} for {sent.Count:N0} reminders ({(sent.Count == 0 ? 0 : requests.Count / (double)sent.Count):0.00} per reminder); "
            + $"429s served: {discord.RateLimitHitCount}; emulator rule violations: {discord.Violations.Count}");
        Console.WriteLine($"Warm restart (schedule already in sync): {warm.TotalSeconds:0.00} s");
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Ms(TimeSpan value) => value.TotalSeconds >= 10
        ? value.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture)
        : value.TotalMilliseconds.ToString("0 'ms'", CultureInfo.InvariantCulture);

    private static DateTimeOffset NextMinute(DateTimeOffset after) =>
        new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
