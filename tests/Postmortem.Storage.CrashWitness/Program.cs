using System.Globalization;
using Postmortem.Core.Application;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Postmortems;

// Usage: Postmortem.Storage.CrashWitness <database path> [max answers]
// Prints "READY <postmortem id> <why id>", then "ACK n" once the n-th answer's save has returned:
// odd n answer why <why id> with "answer n", even n revise the summary to "summary n".
// The kill test kills this process mid-stream and checks every acknowledged answer survived.
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: Postmortem.Storage.CrashWitness <database path> [max answers]");
    return 2;
}

var maxAnswers = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
// Never disposed: the process only ends by being killed, so nothing is checkpointed or closed cleanly.
var database = new LiteDbDatabase(args[0]);
var service = new PostmortemService(new LiteDbPostmortemRepository(database), TimeProvider.System);
var witness = new UserRef("crash-witness", "Crash Witness");

var started = await service.StartAsync("guild-crash", "channel-crash", "Crash witness", witness);
var id = started.Postmortem!.Id;
var asked = await service.ExecuteAsync(id, new AskWhy(null, "Why did the process stop?"), witness);
var whyId = asked.Result.CreatedId!.Value;
Console.WriteLine($"READY {id} {whyId}");

for (var n = 1; n <= maxAnswers; n++)
{
    var text = n.ToString(CultureInfo.InvariantCulture);
    var outcome = n % 2 == 1
        ? await service.ExecuteAsync(id, new AnswerWhy(whyId, "answer " + text), witness)
        : await service.ExecuteAsync(id, new AnswerSection("summary", "summary " + text), witness);
    if (!outcome.Succeeded)
    {
        await Console.Error.WriteLineAsync($"answer {n} failed: {outcome.Result.Message}");
        return 1;
    }

    // Console.Out flushes every write, so the parent sees the ack as soon as the save returned.
    Console.WriteLine("ACK " + text);
}

return 0;
