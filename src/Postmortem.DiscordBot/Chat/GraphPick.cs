using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Metrics;

namespace Postmortem.DiscordBot.Chat;

/// <summary>
/// One graph a message offers: an image (its link and attachment id) or a Markdown table, with its caption. The
/// pick message shows each as an embed (images previewed) and that embed is what the select click brings back:
/// an image's footer is <c>attachment {id}</c>, a table's is <c>table</c> with the table as its description.
/// </summary>
public sealed record GraphPick(string? Url, string? AttachmentId, string? Table, string Caption)
{
    private const string AttachmentFooter = "attachment ";
    private const string TableFooter = "table";

    /// <summary>The message's images, or else the first table in its text; the text (without the table) is the caption.</summary>
    public static IReadOnlyList<GraphPick> From(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = ChatMessages.Neutral(message.Content);
        var images = message.Attachments.Where(a => MetricCommand.IsImage(a) && a.Url is not null).ToList();
        if (images.Count > 0)
        {
            var caption = ChatExcerpt.ForTimeline(text, Limits.MaxCaptionLength);
            return [.. images.Take(10).Select(a => new GraphPick(a.Url!.ToString(), a.Id.ToString(), null, caption))];
        }

        return ChatTable.Find(text) is { } table
            ? [new GraphPick(null, null, table.Markdown, ChatExcerpt.ForTimeline(table.Rest, DiscordLimits.EmbedTitle))]
            : [];
    }

    public static string Describe(IReadOnlyList<GraphPick> graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        return graphs is [{ Table: not null }] ? "its table" : graphs.Count == 1 ? "its image" : $"its {graphs.Count} images";
    }

    public static IReadOnlyList<Embed> Embeds(IReadOnlyList<GraphPick> graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        return
        [
            .. graphs.Select(g => g.Table is { } table
                ? new Embed
                {
                    Title = g.Caption.Length == 0 ? null : g.Caption,
                    Description = DiscordMarkdown.Truncate(table, DiscordLimits.EmbedDescription),
                    Footer = new EmbedFooter(TableFooter),
                }
                : new Embed
                {
                    Description = g.Caption.Length == 0 ? null : g.Caption,
                    Image = new EmbedMedia(new Uri(g.Url!)),
                    Footer = new EmbedFooter(AttachmentFooter + g.AttachmentId),
                }),
        ];
    }

    /// <summary>What a pick message carries, or nothing when it is not one.</summary>
    public static IReadOnlyList<GraphPick> Read(Message? pick) =>
        [
            .. (pick?.Embeds ?? []).Select(e => e.Footer?.Text switch
            {
                TableFooter when e.Description is { } table => new GraphPick(null, null, table, e.Title ?? ""),
                { } footer when footer.StartsWith(AttachmentFooter, StringComparison.Ordinal) && e.Image?.Url is { } url =>
                    new GraphPick(url.ToString(), footer[AttachmentFooter.Length..], null, e.Description ?? ""),
                _ => null,
            }).OfType<GraphPick>(),
        ];
}
