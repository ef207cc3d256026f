using System.Text.Json.Serialization;

namespace Postmortem.Core.Sections;

/// <summary>
/// The answer to one template section or question (keyed like <c>summary</c> or
/// <c>incident-response.detection</c>), with its full revision history.
/// </summary>
public sealed record SectionAnswer
{
    public required string Key { get; init; }

    public IReadOnlyList<AnswerRevision> Revisions { get; init; } = [];

    public bool Skipped { get; init; }

    public string? SkipReason { get; init; }

    /// <summary>The latest revision, or null when nothing was written yet.</summary>
    [JsonIgnore]
    public AnswerRevision? Current => Revisions.Count == 0 ? null : Revisions[^1];

    /// <summary>The number of the latest revision (0 when nothing was written yet).</summary>
    [JsonIgnore]
    public int CurrentRevision => Current?.Number ?? 0;

    [JsonIgnore]
    public bool HasText => Current is { Text.Length: > 0 };
}
