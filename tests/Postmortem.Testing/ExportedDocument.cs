using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Postmortem.Testing;

/// <summary>
/// An exported postmortem read back by a real CommonMark parser (Markdig, with the GitHub-flavoured extensions
/// GitHub renders: pipe tables, strikethrough, task lists, autolinks), so tests assert the structure a reader
/// sees (headings, paragraphs, tables, fences, links) instead of searching strings.
/// </summary>
public sealed class ExportedDocument
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseTaskLists().UseAutoLinks().Build();

    private readonly MarkdownDocument _document;

    private ExportedDocument(MarkdownDocument document, IReadOnlyList<DocumentSection> sections)
    {
        _document = document;
        Sections = sections;
    }

    /// <summary>The level-2 sections in order; blocks before the first one (the title and facts) are left out.</summary>
    public IReadOnlyList<DocumentSection> Sections { get; }

    public IReadOnlyList<string> SectionTitles => [.. Sections.Select(s => s.Title)];

    /// <summary>Every heading anywhere (also inside lists and quotes), as (level, text).</summary>
    public IReadOnlyList<(int Level, string Text)> Headings =>
        [.. _document.Descendants<HeadingBlock>().Select(h => (h.Level, DocumentSection.TextOf(h.Inline)))];

    public int HtmlBlocks => _document.Descendants<HtmlBlock>().Count();

    /// <summary>Inline HTML anywhere, e.g. "&lt;br&gt;".</summary>
    public IReadOnlyList<string> HtmlInlines => [.. _document.Descendants<HtmlInline>().Select(h => h.Tag)];

    public IReadOnlyList<FencedCodeBlock> Fences => [.. _document.Descendants<FencedCodeBlock>()];

    public static ExportedDocument Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
        var sections = new List<DocumentSection>();
        DocumentSection? current = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                current = new DocumentSection(DocumentSection.TextOf(heading.Inline));
                sections.Add(current);
            }
            else
            {
                current?.Blocks.Add(block);
            }
        }

        return new ExportedDocument(document, sections);
    }

    public DocumentSection Section(string title) =>
        Sections.SingleOrDefault(s => s.Title == title) ?? throw new InvalidOperationException(
            $"No section \"{title}\"; the document has: {string.Join(", ", SectionTitles)}.");
}

/// <summary>The top-level blocks under one level-2 heading, up to the next.</summary>
public sealed class DocumentSection(string title)
{
    public string Title { get; } = title;

    public List<Block> Blocks { get; } = [];

    /// <summary>Paragraphs directly in the section (not inside lists, quotes or tables).</summary>
    public IReadOnlyList<string> Paragraphs => [.. Blocks.OfType<ParagraphBlock>().Select(p => TextOf(p.Inline))];

    public IReadOnlyList<Table> Tables => [.. All<Table>()];

    public IReadOnlyList<FencedCodeBlock> Fences => [.. All<FencedCodeBlock>()];

    public IReadOnlyList<(int Level, string Text)> Headings => [.. All<HeadingBlock>().Select(h => (h.Level, TextOf(h.Inline)))];

    public IReadOnlyList<ListBlock> Lists => [.. Blocks.OfType<ListBlock>()];

    /// <summary>Links that are not images, as (text, url).</summary>
    public IReadOnlyList<(string Text, string Url)> Links => [.. Inlines<LinkInline>().Where(l => !l.IsImage).Select(l => (TextOf(l), l.Url ?? ""))];

    public IReadOnlyList<(string Alt, string Url)> Images => [.. Inlines<LinkInline>().Where(l => l.IsImage).Select(l => (TextOf(l), l.Url ?? ""))];

    /// <summary>The section's text as a reader sees it (code included), without formatting.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            foreach (var block in Blocks.SelectMany(b => b.Descendants().Prepend(b)))
            {
                switch (block)
                {
                    case LeafBlock { Inline: { } inline }:
                        text.AppendLine(TextOf(inline));
                        break;
                    case FencedCodeBlock or CodeBlock:
                        text.AppendLine(((LeafBlock)block).Lines.ToString());
                        break;
                    default:
                        break;
                }
            }

            return text.ToString();
        }
    }

    /// <summary>The rows of a table, each as its cells' text (the header row first).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.OfType<TableRow>().Select(r => (IReadOnlyList<string>)[.. r.OfType<TableCell>().Select(c => string.Join(" ", c.OfType<LeafBlock>().Select(b => TextOf(b.Inline))))])];
    }

    public static string TextOf(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var node in inline)
        {
            text.Append(node switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                HtmlInline html => html.Tag,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                AutolinkInline auto => auto.Url,
                ContainerInline container => TextOf(container),
                _ => "",
            });
        }

        return text.ToString();
    }

    private IEnumerable<T> All<T>()
        where T : Block => Blocks.SelectMany(b => b.Descendants<T>().Concat(b is T self ? [self] : []));

    private IEnumerable<T> Inlines<T>()
        where T : Inline =>
        Blocks.SelectMany(b => b.Descendants<LeafBlock>().Append(b as LeafBlock).OfType<LeafBlock>())
            .Where(l => l.Inline is not null).SelectMany(l => l.Inline!.Descendants<T>());
}
