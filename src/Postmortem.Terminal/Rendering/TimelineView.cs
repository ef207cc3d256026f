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

        var figures = postmortem.TimelineFigures;
        output.Line($"  Time to detect:   {Figure(figures.TimeToDetect, "needs a start and a detected entry")}");
        output.Line($"  Time to mitigate: {Figure(figures.TimeToMitigate, "needs a detected and a mitigated entry")}");
        output.Line($"  Event duration:   {Figure(figures.EventDuration, "needs a start and an end entry")}");
    }

    private static string Figure(TimeSpan? value, string missing) =>
        value is { } duration ? DurationFormatter.Format(duration) : $"unknown ({missing})";

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline] + " ...";
    }
}
