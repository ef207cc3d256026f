using BenchmarkDotNet.Attributes;
using LiteDB;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Postmortems;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Postmortem.Benchmarks;

/// <summary>
/// The answer hot path against a real LiteDB file with durable commits (the log fsynced before a save returns):
/// (a) one answer end to end through <see cref="PostmortemService.ExecuteAsync"/> = load + validate + apply + save +
/// next prompt, and (b) the bare durable update of the same document as baseline: one transaction on the engine
/// thread that replaces the stored state with the same bytes an answer writes, committed the same durable way.
/// Each iteration is one operation, so the percentile columns are per-answer latencies.
/// </summary>
/// <remarks>
/// <see cref="Checkpoints"/>: <c>BetweenAnswers</c> copies the log into the data file in the iteration setup
/// (unmeasured), as the bot's checkpoint timer does between answers; <c>LogGrows</c> never checkpoints during the
/// run, so every commit appends to an ever longer log (LiteDB's automatic checkpoint is off in this adapter).
/// </remarks>
[Config(typeof(AnswerBenchmarkConfig))]
public class AnswerBenchmarks : IDisposable
{
    private static readonly AnswerSection _answer = new(
        "leadup",
        "The check had run in nightly builds for months without a report, so it was believed to be safe. "
        + RealisticPostmortem.Paragraph);

    public enum CheckpointMode
    {
        BetweenAnswers,
        LogGrows,
    }

    [Params(CheckpointMode.BetweenAnswers, CheckpointMode.LogGrows)]
    public CheckpointMode Checkpoints { get; set; }

    private string _folder = null!;
    private LiteDbDatabase _database = null!;
    private LiteDbPostmortemRepository _repository = null!;
    private PostmortemService _service = null!;
    private PostmortemId _id;
    private PostmortemState _baseline = null!;
    private byte[] _stateJson = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var log = LiteDbDatabase.LogPathOf(_database.Location);
        Console.WriteLine($"// Log file before the final checkpoint: {new FileInfo(log).Length / 1024.0:0.0} KiB");
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// Puts the document back as it was before the measured answer, so the section history does not grow
    /// with the iteration count. Both benchmarks run it, so both see the same write pattern on the file.
    /// </summary>
    [IterationSetup]
    public void ResetDocument() => ResetAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "Answer end to end")]
    public async Task<CommandOutcome> AnswerEndToEnd()
    {
        var outcome = await _service.ExecuteAsync(_id, _answer, RealisticPostmortem.Wesley);
        return outcome.Succeeded ? outcome : throw new InvalidOperationException(outcome.Result.Message);
    }

    [Benchmark(Baseline = true, Description = "Bare durable LiteDB update")]
    public Task<int> BareUpdate()
    {
        var document = new BsonDocument { ["_id"] = _id.Value, ["json"] = _stateJson };
        return _database.RunAsync(engine => engine.Update(LiteDbSchema.PostmortemStates, [document]));
    }

    private async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "postmortem-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _database = new LiteDbDatabase(Path.Combine(_folder, "bench.litedb"));
        _repository = new LiteDbPostmortemRepository(_database);
        _service = new PostmortemService(_repository, TimeProvider.System);
        _id = await RealisticPostmortem.CreateAsync(_service, TimeProvider.System);
        _baseline = (await _repository.GetAsync(_id))!.ToState();

        // The bare update writes the state as it looks after one answer: the same size the end-to-end path writes.
        var answered = Core.Postmortem.FromState(_baseline);
        answered.Apply(_answer, RealisticPostmortem.Wesley, TimeProvider.System.GetUtcNow());
        _stateJson = JsonSerializer.SerializeToUtf8Bytes(answered.ToState(), PostmortemJsonContext.Default.PostmortemState);
        Console.WriteLine($"// Postmortem {_id}: {answered.Whys.Count} whys, {answered.WhyAnswers.Count} answers, "
            + $"{answered.ActionItems.Count} action items, state {_stateJson.Length / 1024.0:0.0} KiB");
    }

    private async Task ResetAsync()
    {
        var current = (await _repository.GetAsync(_id))!;
        await _repository.SaveAsync(Core.Postmortem.FromState(_baseline), current.Version);
        if (Checkpoints == CheckpointMode.BetweenAnswers)
        {
            await _database.CheckpointAsync();
        }
    }
}
