using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace Postmortem.Benchmarks;

/// <summary>
/// One operation per iteration (InvocationCount 1, Monitoring strategy) and no outlier removal, so P50/P95/P99
/// describe single answers including their slow tail. Quick mode runs in process with fewer iterations.
/// </summary>
internal sealed class AnswerBenchmarkConfig : ManualConfig
{
    public AnswerBenchmarkConfig()
    {
        var quick = BenchmarkMode.Quick;
        var job = Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            // Enough single-operation warmups for tiered JIT to install optimised code before measuring
            // (in-process, the first case would otherwise run on tier-0 code).
            .WithWarmupCount(quick ? 300 : 500)
            .WithIterationCount(quick ? 600 : 3000)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove);
        AddJob(quick ? job.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick") : job.WithId("Full"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99, ratioToBaseline: false), StatisticColumn.Max);
        AddColumn(new PercentileColumn(50, ratioToBaseline: true), new PercentileColumn(99, ratioToBaseline: true));
        // The mean-of-ratios columns mislead for single-operation samples; the percentile ratios say it plainly.
        HideColumns(Column.Ratio, Column.RatioSD, Column.Error, Column.Median);
    }
}
