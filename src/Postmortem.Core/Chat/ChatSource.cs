namespace Postmortem.Core.Chat;

/// <summary>
/// The chat message a piece of the postmortem was pulled from: its id (how a second pull of the same message is
/// recognised) and a link that jumps back to it in the discussion.
/// </summary>
public sealed record ChatSource(string MessageId, string Link);
