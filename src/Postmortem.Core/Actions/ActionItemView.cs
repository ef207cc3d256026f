using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Actions;

/// <summary>
/// One row of the action-item projection: what reminders and lists need without loading the postmortem.
/// <c>Label</c> is the template numbering ("5a-i"); <c>UpdatedAt</c> is the <see cref="Postmortem.UpdatedAt"/> of
/// the save that last changed this row (UTC), not of the latest save of the postmortem.
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
