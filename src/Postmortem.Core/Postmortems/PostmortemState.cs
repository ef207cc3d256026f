using Postmortem.Core.Actions;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.References;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;

namespace Postmortem.Core.Postmortems;

/// <summary>
/// The complete, JSON-friendly snapshot of a <see cref="Postmortem"/>: plain records and lists, no behaviour.
/// Stores persist it with <see cref="PostmortemJsonContext"/>; <see cref="Postmortem.FromState"/> turns it back
/// into the aggregate. New members always get defaults so older stored snapshots keep loading.
/// </summary>
public sealed record PostmortemState
{
    /// <summary>Bumped when a change to this shape needs a stored-data migration.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public PostmortemId Id { get; init; }

    /// <summary>The version the store loaded or saved (optimistic concurrency); 0 for an unsaved draft.</summary>
    public long Version { get; init; }

    public required string GuildId { get; init; }

    public required string ChannelId { get; init; }

    public string? ThreadId { get; init; }

    public required string Title { get; init; }

    public string? Severity { get; init; }

    public PostmortemStatus Status { get; init; }

    public required UserRef Facilitator { get; init; }

    public IReadOnlyList<UserRef> Participants { get; init; } = [];

    public required string TemplateId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? IncidentStartedAt { get; init; }

    public DateTimeOffset? FinalizedAt { get; init; }

    public IReadOnlyList<SectionAnswer> Sections { get; init; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public IReadOnlyList<MetricItem> Metrics { get; init; } = [];

    public IReadOnlyList<Why> Whys { get; init; } = [];

    public IReadOnlyList<WhyAnswer> WhyAnswers { get; init; } = [];

    public IReadOnlyList<Lesson> Lessons { get; init; } = [];

    public IReadOnlyList<CorrectiveAction> CorrectiveActions { get; init; } = [];

    public IReadOnlyList<ActionItem> ActionItems { get; init; } = [];

    public IReadOnlyList<UnmergedEdit> UnmergedEdits { get; init; } = [];

    public IReadOnlyList<Reference> References { get; init; } = [];

    public IdCounters Counters { get; init; } = new();
}
