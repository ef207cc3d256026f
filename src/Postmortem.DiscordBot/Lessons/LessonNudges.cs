using Postmortem.Core.Blameless;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>Private confirmations of lessons and actions, with a blameless nudge when the text names or blames people.</summary>
internal static class LessonNudges
{
    /// <summary><paramref name="done"/>, followed by the nudge for <paramref name="text"/> if it needs one.</summary>
    public static string With(string done, string text, string where, KnownNames names, BlamelessPlace place = BlamelessPlace.Narrative) =>
        BlamelessNudge.For(text, where, names, place) is { } nudge
            ? DiscordMarkdown.Truncate(done + "\n\n" + nudge, DiscordLimits.MessageContent)
            : done;
}
