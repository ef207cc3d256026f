using System.Globalization;
using System.Text;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Export;

/// <summary>
/// What every section writer of <see cref="MarkdownExporter"/> shares: the document being written, the postmortem,
/// the options, the name scrubber and the Five Whys tree (built once).
/// </summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _md = new();
    private readonly NameScrubber _names;
    private readonly Lazy<WhyTree> _tree;

    public MarkdownWriter(Postmortem postmortem, ExportOptions options)
    {
        Postmortem = postmortem;
        Options = options;
        _names = new NameScrubber(
            postmortem.Facilitator,
            [.. postmortem.Participants, .. postmortem.ActionItems.Select(i => i.Owner).OfType<UserRef>()],
            options.KeepNamesOut);
        _tree = new Lazy<WhyTree>(() => WhyTree.Build(postmortem));
    }

    public Postmortem Postmortem { get; }

    public ExportOptions Options { get; }

    public WhyTree Tree => _tree.Value;

    public StringBuilder Builder => _md;

    public override string ToString() => _md.ToString();

    public void Line(string text = "") => _md.Append(text).Append('\n');

    /// <summary>A line followed by a blank line.</summary>
    public void Paragraph(string text)
    {
        Line(text);
        Line();
    }

    /// <summary>The user's own Markdown, contained (see <see cref="MarkdownText.Block"/>), or "Not written yet".</summary>
    public void Body(string? text) => Paragraph(text is null ? MarkdownExporter.NotWrittenYet : MarkdownText.Block(Scrub(text)));

    /// <summary>The pictures <see cref="ExportOptions.Assets"/> has for <paramref name="sectionKey"/>.</summary>
    public void Assets(string sectionKey)
    {
        if (!Options.Assets.TryGetValue(sectionKey, out var assets))
        {
            return;
        }

        foreach (var asset in assets)
        {
            // Alt text is often a caption the team typed: it names people as freely as the text does.
            Paragraph($"![{MarkdownText.LinkText(Scrub(asset.AltText))}]({MarkdownText.Url(asset.Path)})");
        }
    }

    /// <summary>Narrative text with mentions resolved, or people's names kept out when publishing.</summary>
    public string Scrub(string text) => _names.Scrub(text);

    /// <summary>A person's name, or null when names are kept out.</summary>
    public string? Name(UserRef person) => Options.KeepNamesOut ? null : person.DisplayName;

    /// <summary>"2021-05-06 17:00 (UTC+02:00)": a local time that carries its offset (for the header's facts).</summary>
    public string Time(DateTimeOffset at) => $"{LocalTime(at)} ({Offset(at)})";

    /// <summary>"2021-05-06 17:00" in the export's zone; say the zone once nearby.</summary>
    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Options.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"UTC+02:00": the export zone's offset at that instant.</summary>
    public string Offset(DateTimeOffset at)
    {
        var offset = Options.TimeZone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset:hh\\:mm}");
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
