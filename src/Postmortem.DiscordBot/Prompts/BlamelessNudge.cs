using System.Text;
using Postmortem.Core.Blameless;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>The private note an author gets when an answer names people or blames: saved anyway, with a rewording.</summary>
public static class BlamelessNudge
{
    private const int MaxFindings = 5;

    /// <summary>The note, or null when the text is blameless.</summary>
    public static string? For(string text, string where)
    {
        var findings = BlamelessCheck.Check(text);
        if (findings.Count == 0)
        {
            return null;
        }

        var note = new StringBuilder()
            .Append("💡 Your answer to **").Append(DiscordMarkdown.Escape(where, singleLine: true))
            .AppendLine("** was saved. Blameless postmortems describe processes, not people; consider rewording:");
        foreach (var finding in findings.Take(MaxFindings))
        {
            var kind = finding.Kind == BlameKind.Mention ? "names someone" : "reads as blame";
            note.Append("• “").Append(DiscordMarkdown.Truncate(DiscordMarkdown.Escape(finding.Matched, singleLine: true), 80))
                .Append("” ").Append(kind).Append(": ").AppendLine(finding.Suggestion);
        }

        return DiscordMarkdown.Truncate(note.ToString().TrimEnd(), DiscordLimits.MessageContent);
    }
}
