using System.Globalization;
using Postmortem.Core.References;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.References;

/// <summary>How references read in confirmations, the list and suggestions.</summary>
public static class ReferencesView
{
    /// <summary>e.g. "#2 Issue #84970 · &lt;https://github.com/…&gt;" (the link in angle brackets, so Discord shows no preview).</summary>
    public static string Describe(Reference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return string.Create(CultureInfo.InvariantCulture,
            $"`#{reference.Id}` {DiscordMarkdown.Escape(DiscordMarkdown.Truncate(reference.Title, 200), singleLine: true)} · <{Link(reference.Url)}>");
    }

    /// <summary>The list: every reference, or how to add the first one.</summary>
    public static IReadOnlyList<string> Lines(Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var header = $"**References of #{postmortem.Id}: {DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}**";
        return postmortem.References.Count == 0
            ? [header, "_None yet._ Cite issues, pull requests and announcements with `/postmortem reference add`."]
            : [header, .. postmortem.References.Select(Describe)];
    }

    public static ApplicationCommandChoice Choice(Reference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return ApplicationCommandChoice.Create(
            DiscordMarkdown.Truncate($"#{reference.Id} · {reference.Title} · {reference.Url}", DiscordLimits.ChoiceName), reference.Id);
    }

    // Inside <…> only ">" would end the link early.
    private static string Link(string url) => url.Replace(">", "%3E", StringComparison.Ordinal);
}
