using System.Text;
using Postmortem.Core.Blameless;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>The private note an author gets when an answer blames people: saved anyway, with a rewording that fits.</summary>
public static class BlamelessNudge
{
    private const int MaxFindings = 5;

    /// <summary>The note, or null when the text is blameless.</summary>
    /// <param name="text">What the author wrote.</param>
    /// <param name="where">What it answers, for the note's first line.</param>
    /// <param name="names">The people the thread knows (<see cref="ThreadNames"/>), whatever case they are written in.</param>
    /// <param name="place">Action items name their owners: no nudge for that.</param>
    public static string? For(string text, string where, KnownNames names, BlamelessPlace place = BlamelessPlace.Narrative)
    {
        var findings = BlamelessCheck.Check(text, names, place);
        if (findings.Count == 0)
        {
            return null;
        }

        var note = new StringBuilder()
            .Append("💡 Your answer to **").Append(DiscordMarkdown.Escape(where, singleLine: true))
            .AppendLine("** was saved. Blameless postmortems describe processes, not people; consider rewording:");
        foreach (var finding in findings.Take(MaxFindings))
        {
            note.Append("• “").Append(DiscordMarkdown.Truncate(DiscordMarkdown.Escape(finding.Matched, singleLine: true), 80))
                .Append("” reads as blame. ").AppendLine(DiscordMarkdown.Escape(finding.Suggestion, singleLine: true));
        }

        return DiscordMarkdown.Truncate(note.ToString().TrimEnd(), DiscordLimits.MessageContent);
    }
}
