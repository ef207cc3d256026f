using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Postmortem.Benchmarks;

/// <summary>
/// A percentile of the per-operation times (each iteration is one operation here), or its ratio to the same
/// percentile of the baseline: the figures the answer latency target is stated in.
/// </summary>
internal sealed class PercentileColumn(int percentile, bool ratioToBaseline) : IColumn
{
    public string Id => ColumnName;

    public string ColumnName => ratioToBaseline ? $"P{percentile} ratio" : $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ratioToBaseline ? ColumnCategory.Baseline : ColumnCategory.Statistics;

    public int PriorityInCategory => percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => ratioToBaseline ? UnitType.Dimensionless : UnitType.Time;

    public string Legend => ratioToBaseline
        ? $"P{percentile} of this benchmark divided by P{percentile} of the baseline (same parameters)"
        : $"Percentile {percentile}: {percentile}% of operations took at most this long";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (Nanoseconds(summary, benchmarkCase) is not { } value)
        {
            return "NA";
        }

        if (!ratioToBaseline)
        {
            return $"{value / 1_000_000:0.000} ms";
        }

        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        return baseline is not null && Nanoseconds(summary, baseline) is { } baseValue and > 0
            ? $"{value / baseValue:0.00}"
            : "?";
    }

    private double? Nanoseconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Percentiles.Percentile(percentile);
}
