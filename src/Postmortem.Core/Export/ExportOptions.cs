using Postmortem.Core.Linting;

namespace Postmortem.Core.Export;

public sealed record ExportOptions
{
    public static ExportOptions Default { get; } = new();

    /// <summary>The zone times are shown in (the guild's zone); its id is printed next to them.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// For publishing: mentions and participants' display names in narrative text become "a team member", the
    /// facilitator/participant line is left out, and action item owners show only whether one is assigned.
    /// </summary>
    public bool KeepNamesOut { get; init; }

    /// <summary>
    /// What the linter still finds (usually <see cref="Linter.Lint"/>): listed at the end as "Open findings" while the
    /// postmortem is not final, and as "Known gaps" once it is, so a final document says what it left open.
    /// </summary>
    public IReadOnlyList<LintFinding> OpenFindings { get; init; } = [];

    /// <summary>
    /// Pictures that go with a section, by template section key (e.g. a rendered timeline chart under
    /// <c>timeline</c>): each is linked at the end of that section's content as <c>![alt](path)</c>. Paths are
    /// relative to the document (<c>NAME.assets/timeline.png</c>); the exporter only links them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ExportAsset>> Assets { get; init; } =
        new Dictionary<string, IReadOnlyList<ExportAsset>>(StringComparer.Ordinal);
}

/// <summary>A picture the document links: a relative path (or URL) and its alt text.</summary>
public sealed record ExportAsset(string Path, string AltText);
