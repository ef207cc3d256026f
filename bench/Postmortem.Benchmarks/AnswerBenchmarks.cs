using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Storage;
using Postmortem.Storage.Database;
using Postmortem.Storage.Migrations;
using Postmortem.Storage.Postmortems;

namespace Postmortem.Benchmarks;

/// <summary>
/// The answer hot path against a real SQLite file (WAL, synchronous=FULL): (a) one answer end to end through
/// <see cref="PostmortemService.ExecuteAsync"/> = load + validate + apply + save + next prompt, and (b) the bare
/// commit of the same row (open a pooled connection, BEGIN IMMEDIATE, UPDATE state_json, COMMIT) as baseline.
/// Each iteration is one operation, so the percentile columns are per-answer latencies.
/// </summary>
/// <remarks>
/// <see cref="Checkpoints"/>: <c>BetweenAnswers</c> is how the bot runs (the background checkpointer copies
/// the WAL into the database file between answers; here it runs in the iteration setup, unmeasured);
/// <c>OnAnswerPath</c> is plain SQLite (auto-checkpoint every 1000 pages, inside whichever commit crosses it).
/// </remarks>
[Config(typeof(AnswerBenchmarkConfig))]
public class AnswerBenchmarks
{
    private const string BareUpdateSql = """
        UPDATE postmortems SET state_json = CAST($state_json AS TEXT), updated_at = $updated_at, version = version + 1
        WHERE id = $id;
        """;

    private static readonly AnswerSection _answer = new(
        "leadup",
        "The check had run in nightly builds for months without a report, so it was believed to be safe. "
        + RealisticPostmortem.Paragraph);

    public enum CheckpointMode
    {
        BetweenAnswers,
        OnAnswerPath,
    }

    [Params(CheckpointMode.BetweenAnswers, CheckpointMode.OnAnswerPath)]
    public CheckpointMode Checkpoints { get; set; }

    private string _folder = null!;
    private WalCheckpointer _checkpointer = null!;
    private SqliteConnectionFactory _connections = null!;
    private SqlitePostmortemRepository _repository = null!;
    private PostmortemService _service = null!;
    private PostmortemId _id;
    private PostmortemState _baseline = null!;
    private byte[] _stateJson = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
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

    [Benchmark(Baseline = true, Description = "Bare SQLite commit")]
    public async Task<int> BareCommit()
    {
        await using var connection = await _connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var update = connection.CreateCommand();
        update.CommandText = BareUpdateSql;
        update.Parameters.AddWithValue("$id", _id.Value);
        update.Parameters.Add("$state_json", SqliteType.Blob).Value = _stateJson;
        update.Parameters.AddWithValue("$updated_at", SqliteValues.Instant(TimeProvider.System.GetUtcNow()));
        var rows = await update.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }

    private async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "postmortem-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var options = new StorageOptions { DatabasePath = Path.Combine(_folder, "bench.db") };
        if (Checkpoints == CheckpointMode.OnAnswerPath)
        {
            options.WalAutoCheckpointPages = 1000;
        }

        _connections = new SqliteConnectionFactory(options);
        var database = new SqliteDatabase(_connections);
        _checkpointer = new WalCheckpointer(database);
        await new SchemaMigrator(database).MigrateAsync();
        _repository = new SqlitePostmortemRepository(database);
        _service = new PostmortemService(_repository, TimeProvider.System);
        _id = await RealisticPostmortem.CreateAsync(_service, TimeProvider.System);
        _baseline = (await _repository.GetAsync(_id))!.ToState();

        // The bare commit writes the row as it looks after one answer: the same size the end-to-end path writes.
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
            await _checkpointer.CheckpointAsync();
        }
    }
}
