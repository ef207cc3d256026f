using Postmortem.Charts.FiveWhys;
using Postmortem.Charts.Metrics;
using Postmortem.Charts.Timeline;
using Postmortem.Core.Metrics;
using Postmortem.Core.Pictures;

namespace Postmortem.Charts;

/// <summary>Draws a postmortem's pictures as PNG files (see <see cref="IPostmortemPictures"/>). Stateless and thread-safe.</summary>
public sealed class PostmortemPictures : IPostmortemPictures
{
    public PostmortemImage? Timeline(Core.Postmortem postmortem, TimeZoneInfo zone) => TimelineChart.Render(postmortem, zone);

    public IReadOnlyList<PostmortemImage> Whys(Core.Postmortem postmortem, int maxImages) => WhyTreeChart.Render(postmortem, maxImages);

    public ChartOutcome Table(MetricItem table) => TableChart.Render(table);
}
