using System.Globalization;
using Postmortem.Core.Linting;
using Postmortem.Core.Text;
using Postmortem.Reminders.Digest;

namespace Postmortem.Reminders.Meetings;

/// <summary>The reminder posted in a postmortem's thread before a review meeting: when, and the open findings as the agenda.</summary>
public static class MeetingAgenda
{
    public static string Build(Core.Postmortem postmortem, DateTimeOffset meetingAt, TimeZoneInfo zone, IReadOnlyList<LintFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(findings);
        var local = TimeZoneInfo.ConvertTime(meetingAt, zone);
        var lines = new List<string>
        {
            $"**Review meeting** for \"{postmortem.Title}\" on {local.ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture)} ({zone.Id}).",
        };
        if (findings.Count == 0)
        {
            lines.Add("Agenda: the linter has no open findings; read the document together and decide whether it is ready to be final.");
        }
        else
        {
            lines.Add($"Agenda ({Counted.Of(findings.Count, "open finding")}):");
            lines.AddRange(findings.Select((f, i) =>
                $"{i + 1}. {(f.Target is { } target ? $"[{target}] " : "")}{f.Message} — {f.Hint}"));
        }

        return DigestText.Fit(lines, 2000);
    }
}
