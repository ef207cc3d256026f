using Postmortem.Core.Metrics;
using Postmortem.Core.Pictures;
using Postmortem.Core.Templates;

namespace Postmortem.Core.Export;

/// <summary>A picture that goes with an exported document, at <see cref="RelativePath"/> from the document.</summary>
public sealed record ExportPicture(string RelativePath, PostmortemImage Image);

/// <summary>The Markdown document and the pictures it links to.</summary>
public sealed record DocumentWithPictures(string FileName, string Markdown, IReadOnlyList<ExportPicture> Pictures);

/// <summary>
/// The export with pictures: the timeline chart under Timeline, the Five Whys tree under Five Whys and a chart of each
/// Metrics table of numbers under Metrics, each linked with a relative path. <c>NAME.md</c> keeps its pictures in
/// <c>NAME.assets/</c> (<see cref="InFolder"/>) or, where files cannot have folders (chat attachments), beside it
/// as <c>NAME.timeline.png</c> (<see cref="Flat"/>). No I/O: the caller writes or uploads the files.
/// </summary>
public static class ExportBundle
{
    /// <summary>The Metrics tables charted at most (the rest stay tables only).</summary>
    public const int MaxTableCharts = 3;

    /// <summary>Pictures in NAME.assets/ next to NAME.md (a folder on disk).</summary>
    public static DocumentWithPictures InFolder(
        Postmortem postmortem, PostmortemTemplate template, ExportOptions options, IPostmortemPictures pictures, string markdownFileName, int maxPictures) =>
        Create(postmortem, template, options, pictures, markdownFileName, BaseName(markdownFileName) + ".assets/", maxPictures);

    /// <summary>Pictures named NAME.x.png beside NAME.md (attachments of one chat message).</summary>
    public static DocumentWithPictures Flat(
        Postmortem postmortem, PostmortemTemplate template, ExportOptions options, IPostmortemPictures pictures, string markdownFileName, int maxPictures) =>
        Create(postmortem, template, options, pictures, markdownFileName, BaseName(markdownFileName) + ".", maxPictures);

    private static DocumentWithPictures Create(
        Postmortem postmortem, PostmortemTemplate template, ExportOptions options, IPostmortemPictures pictures, string markdownFileName, string prefix, int maxPictures)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pictures);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPictures, 0);
        var assets = new List<ExportPicture>();
        var links = new Dictionary<string, IReadOnlyList<ExportAsset>>(StringComparer.Ordinal);

        void Add(SectionKind kind, IEnumerable<PostmortemImage> images)
        {
            if (template.FirstOfKind(kind) is not { } section || postmortem.FindSection(section.Key) is { Skipped: true })
            {
                return;
            }

            var added = images.Select(i => new ExportPicture(prefix + i.FileName, i)).ToList();
            assets.AddRange(added);
            links[section.Key] = [.. added.Select(a => new ExportAsset(a.RelativePath, a.Image.AltText))];
        }

        var budget = maxPictures;
        if (budget > 0 && pictures.Timeline(postmortem, options.TimeZone) is { } timeline)
        {
            Add(SectionKind.Timeline, [timeline]);
            budget--;
        }

        // A few table charts, leaving at least one picture for the why tree, which gets the rest.
        var tableCharts = postmortem.Metrics.Where(m => m.Kind == MetricKind.Table)
            .Select(pictures.Table).Select(o => o.Image).OfType<PostmortemImage>()
            .Take(Math.Min(MaxTableCharts, Math.Max(0, budget - 1))).ToList();
        budget -= tableCharts.Count;
        if (budget > 0)
        {
            Add(SectionKind.Whys, pictures.Whys(postmortem, budget).Take(budget));
        }

        Add(SectionKind.Metrics, tableCharts);
        var markdown = MarkdownExporter.Export(postmortem, template, options with { Assets = links });
        return new DocumentWithPictures(markdownFileName, markdown, assets);
    }

    private static string BaseName(string markdownFileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(markdownFileName);
        var name = Path.GetFileName(markdownFileName);
        return name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
    }
}
