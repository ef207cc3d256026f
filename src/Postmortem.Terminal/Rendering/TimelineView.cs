using Postmortem.Core.Timeline;

namespace Postmortem.Terminal.Rendering;

/// <summary>The timeline sorted by time, with its entry numbers and the derived durations.</summary>
public static class TimelineView
{
    public static void Write(TerminalWriter output, Core.Postmortem postmortem, TimeDisplay time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(time);
        output.Heading($"Timeline (times in {time.Zone.Id})");
        if (postmortem.Timeline.Count == 0)
        {
            output.Line("  No entries yet.");
            return;
        }

        foreach (var entry in postmortem.TimelineInOrder)
        {
            output.Line($"  #{entry.Id,-3} {time.Format(entry.At)}  {TimelineKinds.Name(entry.Kind),-9}  {FirstLine(entry.Text)}");
        }

        foreach (var measure in TimelineMeasure.Of(postmortem.TimelineFigures))
        {
            output.Line($"  {measure.Label + ":",-46} {measure.Describe()}");
        }
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline] + " ...";
    }
}
