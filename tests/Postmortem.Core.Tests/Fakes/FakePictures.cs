using Postmortem.Core.Metrics;
using Postmortem.Core.Pictures;

namespace Postmortem.Core.Tests.Fakes;

/// <summary>Pictures without drawing: a few bytes per picture, as many why pictures as there are top-level whys.</summary>
internal sealed class FakePictures : IPostmortemPictures
{
    public List<int> WhysBudgets { get; } = [];

    public PostmortemImage? Timeline(Core.Postmortem postmortem, TimeZoneInfo zone) =>
        postmortem.Timeline.Count == 0 ? null : Image("timeline.png", $"Timeline in {zone.Id}");

    public IReadOnlyList<PostmortemImage> Whys(Core.Postmortem postmortem, int maxImages)
    {
        WhysBudgets.Add(maxImages);
        var roots = postmortem.Whys.Count(w => w.FromAnswerId is null);
        return [.. Enumerable.Range(1, Math.Min(roots, maxImages)).Select(i => Image($"whys-{i}.png", $"Why [{i}]"))];
    }

    public ChartOutcome Table(MetricItem table) =>
        table.Table!.Any(char.IsAsciiDigit) ? ChartOutcome.Of(Image($"metric-{table.Id}.png", table.Caption)) : ChartOutcome.Refused("no numbers");

    private static PostmortemImage Image(string name, string alt) => new(name, alt, new byte[] { 1, 2, 3 }, 10, 10);
}
