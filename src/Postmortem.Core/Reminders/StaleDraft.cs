using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Reminders;

/// <summary>A draft postmortem and when it last changed (its <see cref="Postmortem.UpdatedAt"/>), for the stale-draft sweep.</summary>
public sealed record StaleDraft(PostmortemId PostmortemId, string GuildId, DateTimeOffset UpdatedAt);
