namespace Postmortem.Core.Actions;

/// <summary>An open action item with the title and discussion place of its postmortem, for digests and "/actions" lists.</summary>
public sealed record OpenActionItem(ActionItemView Item, string PostmortemTitle, string ChannelId, string? ThreadId);
