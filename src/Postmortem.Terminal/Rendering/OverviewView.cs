using Postmortem.Core.FiveWhys;
using Postmortem.Core.Templates;
using Postmortem.Core.Text;

namespace Postmortem.Terminal.Rendering;

/// <summary>The whole postmortem at a glance: header, and the state of every template section in order.</summary>
public static class OverviewView
{
    public static void Write(TerminalWriter output, Core.Postmortem postmortem, PostmortemTemplate template, TimeDisplay time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(time);
        output.Heading(Header(postmortem));
        output.Line($"  Facilitator {postmortem.Facilitator.DisplayName}; participants {string.Join(", ", postmortem.Participants.Select(p => p.DisplayName))}");
        var dates = new List<string>(3);
        if (postmortem.IncidentStartedAt is { } incident)
        {
            dates.Add($"incident started {time.Format(incident)}");
        }

        dates.Add($"created {time.Format(postmortem.CreatedAt)}");
        dates.Add($"updated {time.Format(postmortem.UpdatedAt)} ({time.Zone.Id})");
        output.Line($"  Times: {string.Join(", ", dates)}");
        output.Line();
        var number = 0;
        foreach (var section in template.Sections)
        {
            number++;
            output.Line($"  {number,2}. {section.Title,-50} {State(postmortem, section)}");
        }
    }

    public static string Header(Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var severity = postmortem.Severity is { } value ? $", severity {value}" : "";
        return $"#{postmortem.Id} {postmortem.Title} ({postmortem.Status}{severity})";
    }

    /// <summary>A short description of how far a section is (e.g. "2 of 4 questions answered").</summary>
    public static string State(Core.Postmortem postmortem, TemplateSection section)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(section);
        if (postmortem.FindSection(section.Key) is { Skipped: true } skipped)
        {
            return skipped.SkipReason is { } reason ? $"skipped ({reason})" : "skipped";
        }

        switch (section.Kind)
        {
            case SectionKind.Text:
                return postmortem.FindSection(section.Key) is { Current: { } current }
                    ? $"answered (revision {current.Number}, {Count(Paragraphs.Count(current.Text), "paragraph", "paragraphs")})"
                    : "not written yet";
            case SectionKind.Questions:
                var answered = section.Questions.Count(q => postmortem.FindSection(q.Key) is { HasText: true });
                return $"{answered} of {section.Questions.Count} questions answered";
            case SectionKind.Metrics:
                return postmortem.Metrics.Count == 0 ? "no graph or table yet" : Count(postmortem.Metrics.Count, "graph or table", "graphs or tables");
            case SectionKind.Timeline:
                var figures = postmortem.TimelineFigures;
                var missing = new List<string>(2);
                if (figures.EventStart is null)
                {
                    missing.Add("start");
                }

                if (figures.EventEnd is null)
                {
                    missing.Add("end");
                }

                return Count(postmortem.Timeline.Count, "entry", "entries") + (missing.Count > 0 ? $", no event {string.Join(" or ", missing)}" : "");
            case SectionKind.Whys:
                var tree = WhyTree.Build(postmortem);
                return $"{Count(tree.Whys.Count, "why", "whys")}, {tree.UnansweredWhys.Count()} unanswered, "
                    + Count(tree.RootCauses.Count(), "root cause", "root causes");
            case SectionKind.Actions:
                return $"{Count(postmortem.Lessons.Count(l => !l.Retracted), "lesson", "lessons")}, "
                    + $"{Count(postmortem.CorrectiveActions.Count(a => !postmortem.IsHidden(a)), "corrective action", "corrective actions")}, "
                    + Count(postmortem.ActionItems.Count(i => !postmortem.IsHidden(i)), "action item", "action items");
            default:
                return "";
        }
    }

    private static string Count(int count, string one, string many) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
