using Postmortem.Core.Facilitation;
using Postmortem.Reminders.Digest;

namespace Postmortem.Reminders.Stale;

/// <summary>The one nudge a stale draft gets: how long it has been quiet and what is still missing.</summary>
public static class StaleNudgeText
{
    public static string Build(Core.Postmortem postmortem, int quietDays, IReadOnlyList<SectionProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(progress);
        var open = progress.Where(p => p.State is SectionState.Empty or SectionState.NeedsWork).ToList();
        var lines = new List<string>
        {
            $"This postmortem draft has had no activity for {quietDays} days. Writing it down is what drives the "
            + "follow-up, and it is fine to continue asynchronously, a section at a time.",
        };
        if (open.Count == 0)
        {
            lines.Add("Every section has an answer: submit it for review when the team has read it.");
        }
        else
        {
            lines.Add("Still missing:");
            foreach (var section in open)
            {
                lines.Add(section.State == SectionState.Empty
                    ? $"• **{section.Title}**: not written yet"
                    : $"• **{section.Title}**: {string.Join("; ", section.Missing)}");
            }
        }

        return DigestText.Fit(lines, 2000);
    }
}
