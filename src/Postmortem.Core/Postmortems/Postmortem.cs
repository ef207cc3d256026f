using Postmortem.Core.Actions;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.References;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;

namespace Postmortem.Core;

/// <summary>
/// The postmortem aggregate: one incident's document and everything hanging off it. All changes go through
/// <see cref="Apply"/>, which either applies a command completely or rejects it and changes nothing.
/// </summary>
/// <remarks>
/// This type lives in the root namespace <c>Postmortem.Core</c> because its name equals the solution's root
/// namespace: from another project (namespace <c>Postmortem.X</c>) refer to it as <c>Core.Postmortem</c>.
/// Feature behaviour is split into partial files beside each feature (Sections, Timeline, FiveWhys...).
/// </remarks>
public sealed partial class Postmortem
{
    private readonly List<UserRef> _participants;
    private readonly KeyedItems<string, SectionAnswer> _sections;
    private readonly KeyedItems<int, TimelineEntry> _timeline;
    private readonly KeyedItems<int, MetricItem> _metrics;
    private readonly KeyedItems<int, Why> _whys;
    private readonly KeyedItems<int, WhyAnswer> _whyAnswers;
    private readonly KeyedItems<int, Lesson> _lessons;
    private readonly KeyedItems<int, CorrectiveAction> _correctiveActions;
    private readonly KeyedItems<int, ActionItem> _actionItems;
    private readonly KeyedItems<int, UnmergedEdit> _unmerged;
    private readonly KeyedItems<int, Reference> _references;
    private IdCounters _counters;

    private Postmortem(PostmortemState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state.GuildId);
        ArgumentException.ThrowIfNullOrWhiteSpace(state.ChannelId);
        ArgumentNullException.ThrowIfNull(state.Facilitator);
        Id = state.Id;
        Version = state.Version;
        GuildId = state.GuildId;
        ChannelId = state.ChannelId;
        ThreadId = state.ThreadId;
        Title = state.Title;
        Severity = state.Severity;
        Status = state.Status;
        Facilitator = state.Facilitator;
        TemplateId = state.TemplateId;
        CreatedAt = state.CreatedAt;
        UpdatedAt = state.UpdatedAt;
        IncidentStartedAt = state.IncidentStartedAt;
        FinalizedAt = state.FinalizedAt;
        _participants = [.. state.Participants ?? []];
        _sections = new(s => s.Key, state.Sections, StringComparer.Ordinal);
        _timeline = new(e => e.Id, state.Timeline);
        _metrics = new(m => m.Id, state.Metrics);
        _whys = new(w => w.Id, state.Whys);
        _whyAnswers = new(a => a.Id, state.WhyAnswers);
        _lessons = new(l => l.Id, state.Lessons);
        _correctiveActions = new(c => c.Id, state.CorrectiveActions);
        _actionItems = new(i => i.Id, state.ActionItems);
        _unmerged = new(u => u.Id, state.UnmergedEdits);
        _references = new(r => r.Id, state.References);
        _counters = state.Counters ?? new IdCounters();
    }

    public PostmortemId Id { get; private set; }

    /// <summary>The stored version this instance was loaded at (optimistic concurrency); 0 before creation.</summary>
    public long Version { get; private set; }

    public string GuildId { get; }

    public string ChannelId { get; }

    public string? ThreadId { get; private set; }

    public string Title { get; private set; }

    public string? Severity { get; private set; }

    public PostmortemStatus Status { get; private set; }

    public UserRef Facilitator { get; private set; }

    /// <summary>Everyone who contributed, in order of first contribution (the facilitator first).</summary>
    public IReadOnlyList<UserRef> Participants => _participants;

    public string TemplateId { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? IncidentStartedAt { get; private set; }

    public DateTimeOffset? FinalizedAt { get; private set; }

    public bool IsReadOnly => Status == PostmortemStatus.Final;

    /// <summary>Starts a new draft. The store assigns the id on creation.</summary>
    public static Postmortem Start(
        string guildId,
        string channelId,
        string title,
        UserRef facilitator,
        DateTimeOffset now,
        string templateId,
        string? severity = null,
        DateTimeOffset? incidentStartedAt = null)
    {
        ArgumentNullException.ThrowIfNull(facilitator);
        if (InputRules.Title(title, out var normalizedTitle) is { } titleError)
        {
            throw new ArgumentException(titleError.Message, nameof(title));
        }

        if (InputRules.Severity(severity, out var normalizedSeverity) is { } severityError)
        {
            throw new ArgumentException(severityError.Message, nameof(severity));
        }

        var utcNow = now.ToUniversalTime();
        return new Postmortem(new PostmortemState
        {
            GuildId = guildId,
            ChannelId = channelId,
            Title = normalizedTitle,
            Severity = normalizedSeverity,
            Facilitator = facilitator,
            Participants = [facilitator],
            TemplateId = templateId,
            CreatedAt = utcNow,
            UpdatedAt = utcNow,
            IncidentStartedAt = incidentStartedAt?.ToUniversalTime(),
        });
    }

    public static Postmortem FromState(PostmortemState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Postmortem(state);
    }

    public PostmortemState ToState() => new()
    {
        Id = Id,
        Version = Version,
        GuildId = GuildId,
        ChannelId = ChannelId,
        ThreadId = ThreadId,
        Title = Title,
        Severity = Severity,
        Status = Status,
        Facilitator = Facilitator,
        Participants = [.. _participants],
        TemplateId = TemplateId,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        IncidentStartedAt = IncidentStartedAt,
        FinalizedAt = FinalizedAt,
        Sections = _sections.ToArray(),
        Timeline = _timeline.ToArray(),
        Metrics = _metrics.ToArray(),
        Whys = _whys.ToArray(),
        WhyAnswers = _whyAnswers.ToArray(),
        Lessons = _lessons.ToArray(),
        CorrectiveActions = _correctiveActions.ToArray(),
        ActionItems = _actionItems.ToArray(),
        UnmergedEdits = _unmerged.ToArray(),
        References = _references.ToArray(),
        Counters = _counters,
    };

    /// <summary>Called once the store has written this postmortem, with the id and version it now has.</summary>
    public void MarkPersisted(PostmortemId id, long version)
    {
        if (!id.IsAssigned)
        {
            throw new ArgumentOutOfRangeException(nameof(id), "A persisted postmortem needs an assigned id.");
        }

        if (Id.IsAssigned && Id != id)
        {
            throw new InvalidOperationException($"Postmortem {Id} cannot become postmortem {id}.");
        }

        Id = id;
        Version = version;
    }

    /// <summary>True when this postmortem belongs to <paramref name="guildId"/>; front ends check this.</summary>
    public bool BelongsTo(string guildId) => string.Equals(GuildId, guildId, StringComparison.Ordinal);

    /// <summary>A user error when the postmortem belongs to another guild, else null.</summary>
    public UserError? EnsureGuild(string guildId) =>
        BelongsTo(guildId) ? null : new UserError(ErrorCodes.WrongGuild, $"Postmortem {Id} does not exist here.");

    public bool IsFacilitator(UserRef user) => Facilitator.IsSamePerson(user);

    /// <summary>
    /// Applies one command on behalf of <paramref name="actor"/>. Returns success (with the id of anything
    /// created), a kept conflicting edit, or a user error; on a user error nothing changed.
    /// </summary>
    public CommandResult Apply(PostmortemCommand command, UserRef actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        now = now.ToUniversalTime();
        if (IsReadOnly && !IsAllowedWhenFinal(command))
        {
            return UserError.ReadOnly();
        }

        var result = command switch
        {
            SetTitle c => ApplySetTitle(c),
            SetSeverity c => ApplySetSeverity(c),
            SetIncidentStart c => ApplySetIncidentStart(c),
            AttachThread c => ApplyAttachThread(c),
            HandOverFacilitation c => ApplyHandOver(c, actor),
            SubmitForReview => ApplySubmitForReview(),
            Postmortems.Finalize => ApplyFinalize(actor, now),
            Reopen => ApplyReopen(actor),
            AnswerSection c => ApplyAnswerSection(c, actor, now),
            SkipSection c => ApplySkipSection(c),
            UnskipSection c => ApplyUnskipSection(c),
            DismissUnmergedEdit c => ApplyDismissUnmerged(c),
            AddTimelineEntry c => ApplyAddTimelineEntry(c, actor),
            EditTimelineEntry c => ApplyEditTimelineEntry(c, actor, now),
            RemoveTimelineEntry c => ApplyRemoveTimelineEntry(c),
            AddMetricImage c => ApplyAddMetricImage(c, actor, now),
            AddMetricTable c => ApplyAddMetricTable(c, actor, now),
            RemoveMetric c => ApplyRemoveMetric(c),
            AddReference c => ApplyAddReference(c, actor, now),
            EditReference c => ApplyEditReference(c),
            RemoveReference c => ApplyRemoveReference(c),
            AskWhy c => ApplyAskWhy(c, actor, now),
            AnswerWhy c => ApplyAnswerWhy(c, actor, now),
            EditWhy c => ApplyEditWhy(c, actor, now),
            EditWhyAnswer c => ApplyEditWhyAnswer(c, actor, now),
            RetractWhy c => ApplyRetractWhy(c),
            RetractWhyAnswer c => ApplyRetractWhyAnswer(c),
            MarkRootCause c => ApplyMarkRootCause(c),
            AddLesson c => ApplyAddLesson(c, actor, now),
            EditLesson c => ApplyEditLesson(c, actor, now),
            RetractLesson c => ApplyRetractLesson(c),
            AddCorrectiveAction c => ApplyAddCorrectiveAction(c, actor, now),
            EditCorrectiveAction c => ApplyEditCorrectiveAction(c, actor, now),
            RetractCorrectiveAction c => ApplyRetractCorrectiveAction(c),
            AddActionItem c => ApplyAddActionItem(c, actor, now),
            EditActionItem c => ApplyEditActionItem(c, actor, now),
            RetractActionItem c => ApplyRetractActionItem(c),
            CompleteActionItem c => ApplyCompleteActionItem(c, now),
            DropActionItem c => ApplyDropActionItem(c, now),
            ReopenActionItem c => ApplyReopenActionItem(c),
            _ => throw new ArgumentException($"The postmortem does not handle {command.GetType().Name}.", nameof(command)),
        };

        if (result.Changed)
        {
            UpdatedAt = now;
            AddParticipant(actor);
        }

        return result;
    }

    // Follow-up work on action items continues after the document is final; so does attaching a thread.
    private static bool IsAllowedWhenFinal(PostmortemCommand command) =>
        command is Reopen or AttachThread or CompleteActionItem or DropActionItem or ReopenActionItem;

    private void AddParticipant(UserRef actor)
    {
        var index = _participants.FindIndex(actor.IsSamePerson);
        if (index < 0)
        {
            _participants.Add(actor);
        }
        else if (_participants[index] != actor)
        {
            _participants[index] = actor;
        }
    }

    private CommandResult ApplySetTitle(SetTitle command)
    {
        if (InputRules.Title(command.Title, out var title) is { } error)
        {
            return error;
        }

        Title = title;
        return CommandResult.Success();
    }

    private CommandResult ApplySetSeverity(SetSeverity command)
    {
        if (InputRules.Severity(command.Severity, out var severity) is { } error)
        {
            return error;
        }

        Severity = severity;
        return CommandResult.Success();
    }

    private CommandResult ApplySetIncidentStart(SetIncidentStart command)
    {
        IncidentStartedAt = command.At?.ToUniversalTime();
        return CommandResult.Success();
    }

    private CommandResult ApplyAttachThread(AttachThread command)
    {
        if (string.IsNullOrWhiteSpace(command.ThreadId))
        {
            return UserError.Invalid("The thread id cannot be empty.");
        }

        ThreadId = command.ThreadId;
        return CommandResult.Success();
    }

    private CommandResult ApplyHandOver(HandOverFacilitation command, UserRef actor)
    {
        if (!IsFacilitator(actor))
        {
            return UserError.FacilitatorOnly("hand over facilitation");
        }

        ArgumentNullException.ThrowIfNull(command.NewFacilitator);
        Facilitator = command.NewFacilitator;
        AddParticipant(command.NewFacilitator);
        return CommandResult.Success();
    }

    private CommandResult ApplySubmitForReview()
    {
        if (Status != PostmortemStatus.Draft)
        {
            return new UserError(ErrorCodes.WrongState, "Only a draft can be submitted for review.");
        }

        Status = PostmortemStatus.InReview;
        return CommandResult.Success();
    }

    private CommandResult ApplyFinalize(UserRef actor, DateTimeOffset now)
    {
        if (!IsFacilitator(actor))
        {
            return UserError.FacilitatorOnly("finalize the postmortem");
        }

        Status = PostmortemStatus.Final;
        FinalizedAt = now;
        return CommandResult.Success();
    }

    private CommandResult ApplyReopen(UserRef actor)
    {
        if (!IsFacilitator(actor))
        {
            return UserError.FacilitatorOnly("reopen the postmortem");
        }

        if (Status == PostmortemStatus.Draft)
        {
            return new UserError(ErrorCodes.WrongState, "The postmortem is already a draft.");
        }

        Status = PostmortemStatus.Draft;
        FinalizedAt = null;
        return CommandResult.Success();
    }
}
