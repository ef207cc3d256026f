using System.Globalization;
using System.Text;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Messages;

/// <summary>
/// Long listings (the whys tree, the action items, the timeline) as private pages of whole lines, with ◀ Previous /
/// Next ▶ buttons whose custom ids carry the page (<c>prefix:{postmortem}:{page}</c>). A line longer than a page is
/// continued on the next one rather than cut, so nothing is ever dropped.
/// </summary>
public static class TextPages
{
    /// <summary>Room per page, leaving space for the "Page n of m" footer.</summary>
    public const int Budget = DiscordLimits.MessageContent - 100;

    public static IReadOnlyList<string> Paginate(IEnumerable<string> lines, int budget = Budget)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var pages = new List<string>();
        var page = new StringBuilder();
        foreach (var line in lines.SelectMany(l => l.Length <= budget ? [l] : MessageChunker.Split(l, budget)))
        {
            if (page.Length > 0 && page.Length + line.Length + 1 > budget)
            {
                pages.Add(page.ToString().TrimEnd());
                page.Clear();
            }

            page.Append(line).Append('\n');
        }

        var last = page.ToString().TrimEnd();
        if (last.Length > 0 || pages.Count == 0)
        {
            pages.Add(last.Length > 0 ? last : "_Nothing here yet._");
        }

        return pages;
    }

    /// <summary>Page <paramref name="page"/> (0-based, clamped) as a private message, with paging buttons when there are several.</summary>
    public static MessagePayload Page(string prefix, PostmortemId postmortemId, IReadOnlyList<string> pages, int page)
    {
        ArgumentNullException.ThrowIfNull(pages);
        page = Math.Clamp(page, 0, pages.Count - 1);
        if (pages.Count == 1)
        {
            return InteractionContext.Ephemeral(pages[0], []);
        }

        var content = pages[page] + $"\n-# Page {page + 1} of {pages.Count}";
        Component[] buttons =
        [
            new ActionRow(
            [
                Button.Secondary(CustomId.For(prefix, postmortemId, (page - 1).ToString(CultureInfo.InvariantCulture)), "◀ Previous") with { Disabled = page == 0 },
                Button.Secondary(CustomId.For(prefix, postmortemId, (page + 1).ToString(CultureInfo.InvariantCulture)), "Next ▶") with { Disabled = page == pages.Count - 1 },
            ]),
        ];
        return InteractionContext.Ephemeral(content, buttons);
    }

    /// <summary>
    /// Answers a paging click: edits the private message in place, or, when the button sits on a public message
    /// (a prompt), opens the listing privately.
    /// </summary>
    public static Task ShowAsync(InteractionContext context, MessagePayload page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        return context.Interaction.Message is { Flags: var flags } && flags.HasFlag(MessageFlags.Ephemeral)
            ? context.UpdateMessageAsync(page with { Flags = null }, cancellationToken)
            : context.ReplyAsync(page, cancellationToken);
    }
}
