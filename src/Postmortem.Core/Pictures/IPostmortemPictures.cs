using Postmortem.Core.Metrics;

namespace Postmortem.Core.Pictures;

/// <summary>
/// Draws the parts of a postmortem people would rather look at than read. The port lives here so front ends and
/// the export can ask for pictures without knowing how they are drawn (src/Postmortem.Charts draws them).
/// </summary>
public interface IPostmortemPictures
{
    /// <summary>
    /// The timeline on a time axis in <paramref name="zone"/>: every entry, the event's start and end, detection and
    /// mitigation, and the time-to-detect and time-to-mitigate spans with their durations. Null without entries.
    /// </summary>
    PostmortemImage? Timeline(Postmortem postmortem, TimeZoneInfo zone);

    /// <summary>
    /// The Five Whys tree, root causes marked: one image, or one per top-level why (grouped so there are at most
    /// <paramref name="maxImages"/>) when the tree is too large to read as one. Empty without whys.
    /// </summary>
    IReadOnlyList<PostmortemImage> Whys(Postmortem postmortem, int maxImages);

    /// <summary>A Metrics table as a bar or line chart; refused when the table has no column of numbers.</summary>
    ChartOutcome Table(MetricItem table);
}
