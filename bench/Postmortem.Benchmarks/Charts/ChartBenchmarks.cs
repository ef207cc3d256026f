using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Postmortem.Charts;
using Postmortem.Charts.FiveWhys;
using Postmortem.Charts.Tests.Support;
using Postmortem.Core.FiveWhys;

namespace Postmortem.Benchmarks.Charts;

/// <summary>
/// Drawing pictures must stay quick enough to answer within a deferred interaction: the Five Whys tree at 50 and 100
/// whys (the layout alone, and laid out + drawn + PNG-encoded, as one picture and split per top-level why), and a
/// 50-entry timeline chart.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcess))]
public class ChartBenchmarks
{
    private readonly PostmortemPictures _pictures = new();
    private Core.Postmortem _tree = null!;
    private Core.Postmortem _timeline = null!;
    private WhyTree _whys = null!;

    [Params(50, 100)]
    public int Whys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tree = Samples.Draft().WithWhys(Whys, topLevel: 3);
        _whys = WhyTree.Build(_tree);
        _timeline = Samples.Draft().WithTimeline();
        for (var i = 0; i < 42; i++)
        {
            _timeline.Do(new Core.Timeline.AddTimelineEntry(Samples.Released.AddHours(i * 2.5), $"Step {i}: the release team did something", Core.Timeline.TimelineEntryKind.Note));
        }
    }

    // In process: rebuilding the whole bench project for a separate process takes longer than BenchmarkDotNet's
    // build timeout on a shared 2-core machine, and drawing is single-threaded CPU work either way.
    private sealed class InProcess : ManualConfig
    {
        public InProcess() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }

    [Benchmark]
    public float TreeLayout()
    {
        using var font = WhyCard.TextFont();
        var height = 0f;
        foreach (var root in _whys.Roots)
        {
            height += TidyTree.Layout(WhyCard.Branch(root, font), 44, 14, 22).Height;
        }

        return height;
    }

    [Benchmark]
    public int TreeAsOnePicture() => _pictures.Whys(_tree, maxImages: 1).Sum(i => i.Png.Length);

    [Benchmark]
    public int TreePerTopLevelWhy() => _pictures.Whys(_tree, maxImages: 9).Sum(i => i.Png.Length);

    [Benchmark]
    public int Timeline50Entries() => _pictures.Timeline(_timeline, Samples.Berlin)!.Png.Length;
}
