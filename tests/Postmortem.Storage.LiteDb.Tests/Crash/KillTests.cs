using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.LiteDb.Tests.Support;

namespace Postmortem.Storage.LiteDb.Tests.Crash;

/// <summary>
/// Every answer the store acknowledged must survive the process being killed without any chance to shut down.
/// A real child process (Postmortem.Storage.CrashWitness) answers through PostmortemService and the LiteDB store
/// and prints "ACK n" after each save returned; the test kills it mid-stream and reopens the file (its log as the kill left it: nothing checkpointed, nothing closed).
/// </summary>
public sealed class KillTests
{
    private const int AcksBeforeKill = 50;
    private static readonly TimeSpan _generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KilledMidStream_EveryAcknowledgedAnswerIsInTheDatabase()
    {
        using var db = TestLiteDb.Create();
        db.Database.Dispose();
        using var timeout = new CancellationTokenSource(_generous);
        using var child = StartWitness(db.FilePath);
        var stderr = child.StandardError.ReadToEndAsync(timeout.Token);
        var acknowledged = 0;
        PostmortemId id;
        int whyId;
        try
        {
            var ready = (await child.StandardOutput.ReadLineAsync(timeout.Token))?.Split(' ');
            Assert.True(ready is ["READY", _, _], $"The witness did not start: {await Describe(child, stderr)}");
            id = new PostmortemId(long.Parse(ready[1], CultureInfo.InvariantCulture));
            whyId = int.Parse(ready[2], CultureInfo.InvariantCulture);
            while (acknowledged < AcksBeforeKill)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.True(line is not null, $"The witness stopped after {acknowledged} acks: {await Describe(child, stderr)}");
                acknowledged = ParseAck(line, acknowledged);
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true);
        }

        // Acks already in the pipe when the kill landed count too: they were acknowledged.
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            acknowledged = ParseAck(line, acknowledged);
        }

        await child.WaitForExitAsync(timeout.Token);
        Assert.NotEqual(0, child.ExitCode);

        Assert.True(new FileInfo(Engine.LiteDbDatabase.LogPathOf(db.FilePath)).Length > 0, "The kill left the log for recovery to read.");
        using var reopened = db.Restart();
        var stored = (await reopened.Ports.Postmortems.GetAsync(id))!;
        var whyAnswers = stored.WhyAnswers.Where(a => a.WhyId == whyId).Select(a => a.Text).ToHashSet();
        var summaries = stored.FindSection("summary")?.Revisions.Select(r => r.Text).ToHashSet() ?? [];
        for (var n = 1; n <= acknowledged; n++)
        {
            var text = n.ToString(CultureInfo.InvariantCulture);
            Assert.True(
                n % 2 == 1 ? whyAnswers.Contains("answer " + text) : summaries.Contains("summary " + text),
                $"Acknowledged answer {n} is missing after the kill.");
        }

        // At most the one save in flight at the kill may have landed without its ack.
        Assert.InRange(whyAnswers.Count + summaries.Count, acknowledged, acknowledged + 1);
    }

    private static int ParseAck(string line, int previous)
    {
        Assert.StartsWith("ACK ", line, StringComparison.Ordinal);
        var n = int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
        Assert.Equal(previous + 1, n);
        return n;
    }

    private static Process StartWitness(string databasePath)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WitnessPath());
        start.ArgumentList.Add(databasePath);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash witness.");
    }

    /// <summary>Next to the tests (when everything was built into one folder) or in the witness's own bin folder.</summary>
    private static string WitnessPath()
    {
        const string fileName = "Postmortem.Storage.CrashWitness.dll";
        var beside = Path.Combine(AppContext.BaseDirectory, fileName);
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        var built = typeof(KillTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashWitnessPath").Value!;
        Assert.True(File.Exists(built), $"The crash witness was not built at {built}.");
        return built;
    }

    private static async Task<string> Describe(Process child, Task<string> stderr)
    {
        if (!child.HasExited)
        {
            return "(still running)";
        }

        return $"exit code {child.ExitCode}, stderr: {await stderr}";
    }
}
