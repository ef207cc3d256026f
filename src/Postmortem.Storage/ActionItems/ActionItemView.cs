using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;

namespace Postmortem.Storage.ActionItems;

/// <summary>
/// One row of the action item projection: what reminders need without loading the postmortem. <c>Label</c> is
/// the template numbering ("5a-i"); <c>UpdatedAt</c> is when this item itself last changed (UTC).
/// </summary>
public sealed record ActionItemView(
    PostmortemId PostmortemId,
    int ItemId,
    string GuildId,
    string Label,
    string Text,
    UserRef? Owner,
    DateOnly? Due,
    ActionItemStatus Status,
    DateTimeOffset UpdatedAt);
