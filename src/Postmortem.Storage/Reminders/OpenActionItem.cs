using Postmortem.Storage.ActionItems;

namespace Postmortem.Storage.Reminders;

/// <summary>An open action item with the title and thread of its postmortem, for digests and "/actions" lists.</summary>
public sealed record OpenActionItem(ActionItemView Item, string PostmortemTitle, string ChannelId, string? ThreadId);

/// <summary>A draft postmortem and when it last changed, for the stale-draft sweep.</summary>
public sealed record StaleDraft(Core.Postmortems.PostmortemId PostmortemId, string GuildId, DateTimeOffset UpdatedAt);
