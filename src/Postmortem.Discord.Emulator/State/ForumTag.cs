namespace Postmortem.Discord.Emulator;

/// <summary>A tag a forum channel offers for its posts.</summary>
public sealed record ForumTag(ulong Id, string Name, bool Moderated = false);
