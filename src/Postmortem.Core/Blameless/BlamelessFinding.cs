namespace Postmortem.Core.Blameless;

/// <summary>A span of text (<c>Start</c>, <c>Length</c>) that names or blames people, and a process-focused rewording.</summary>
public sealed record BlamelessFinding(int Start, int Length, BlameKind Kind, string Matched, string Suggestion);
