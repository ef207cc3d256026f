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

    /// <summary>Findings listed at the end while the postmortem is not final (usually <see cref="Linter.Lint"/>).</summary>
    public IReadOnlyList<LintFinding> OpenFindings { get; init; } = [];

    /// <summary>Pictures to show at the end of a section, by section key (see <see cref="ExportBundle"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ImageLink>> SectionImages { get; init; } = new Dictionary<string, IReadOnlyList<ImageLink>>();
}
