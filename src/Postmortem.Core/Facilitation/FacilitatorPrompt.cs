namespace Postmortem.Core.Facilitation;

/// <summary>
/// The next thing to ask: <c>SectionKey</c> is the template section or question key it belongs to, <c>Title</c> a
/// short heading ("Summary", "Why 1.2"), <c>Text</c> the question in the facilitator's voice, <c>Guidance</c> a
/// short hint (or empty) and <c>TargetId</c> the why, lesson or corrective action it is about, if any.
/// </summary>
public sealed record FacilitatorPrompt(
    PromptKind Kind,
    string SectionKey,
    string Title,
    string Text,
    string Guidance,
    int? TargetId = null);
