using Postmortem.Core.Commands;

namespace Postmortem.Core.Postmortems;

public sealed record SetTitle(string Title) : PostmortemCommand;

public sealed record SetSeverity(string? Severity) : PostmortemCommand;

public sealed record SetIncidentStart(DateTimeOffset? At) : PostmortemCommand;

/// <summary>Records the chat thread the front end opened for this postmortem (allowed in any status).</summary>
public sealed record AttachThread(string ThreadId) : PostmortemCommand;

/// <summary>Facilitator only: hands the facilitator role to someone else.</summary>
public sealed record HandOverFacilitation(UserRef NewFacilitator) : PostmortemCommand;

public sealed record SubmitForReview : PostmortemCommand;

/// <summary>Facilitator only: makes the postmortem read-only (action items can still be closed).</summary>
public sealed record Finalize : PostmortemCommand;

/// <summary>Facilitator only: back to Draft from review or final.</summary>
public sealed record Reopen : PostmortemCommand;
