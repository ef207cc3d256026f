using BenchmarkDotNet.Running;
using Postmortem.Benchmarks;

// dotnet run -c Release --project bench/Postmortem.Benchmarks -- --filter '*Answer*'          (full, ~2-3 min)
// dotnet run -c Release --project bench/Postmortem.Benchmarks -- quick   (or -- --job short)  (about a minute)
// dotnet run -c Release --project bench/Postmortem.Benchmarks -- reminders  (a console bench, ~4 min; see Reminders/)
if (args is ["reminders", .. var reminderArgs])
{
    return await Postmortem.Benchmarks.Reminders.ReminderBenchmark.RunAsync(reminderArgs);
}

// dotnet run -c Release --project bench/Postmortem.Benchmarks -- discord  (a console bench, ~1 min; see Discord/)
if (args is ["discord", .. var discordArgs])
{
    return await Postmortem.Benchmarks.DiscordClient.DiscordBenchmark.RunAsync(discordArgs);
}

// dotnet run -c Release --project bench/Postmortem.Benchmarks -- bot-load  (the real bot under 100 users, under a minute; see BotLoad/)
//   add --emulator-process to run the emulator in a child process, so the two do not share a garbage collector
if (args is ["bot-load", .. var loadArgs])
{
    return await Postmortem.Benchmarks.BotLoad.BotLoadBenchmark.RunAsync(loadArgs);
}

// The child process of `bot-load --emulator-process`: the emulator and the simulated users, the bot being in the parent.
if (args is [Postmortem.Benchmarks.BotLoad.BotLoadBenchmark.EmulatorProcessVerb, .. var emulatorArgs])
{
    return await Postmortem.Benchmarks.BotLoad.BotLoadBenchmark.RunEmulatorProcessAsync(emulatorArgs);
}

// dotnet run -c Release --project bench/Postmortem.Benchmarks -- --filter '*ChartBenchmarks*'  (pictures, ~3 min)
// dotnet run -c Release --project bench/Postmortem.Benchmarks -- --filter '*Blameless*'  (the blameless check on a 4,000-character answer, ~1 min)
var arguments = args.ToList();
BenchmarkMode.Quick = arguments.Remove("quick");
var shortJob = arguments.FindIndex(a => a == "--job" || a == "-j");
if (shortJob >= 0 && shortJob + 1 < arguments.Count && arguments[shortJob + 1] == "short")
{
    // The answer benchmarks define their own per-operation job; "short" selects its quick variant.
    BenchmarkMode.Quick = true;
    arguments.RemoveRange(shortJob, 2);
}

if (!arguments.Contains("--filter") && !arguments.Contains("-f"))
{
    arguments.AddRange(["--filter", "*Answer*"]);
}

BenchmarkSwitcher.FromAssembly(typeof(AnswerBenchmarks).Assembly).Run([.. arguments]);
return 0;
