using Postmortem.Core.Actions;

namespace Postmortem.Storage.ActionItems;

/// <summary>What the projection stores for one visible action item (besides keys and timestamps).</summary>
internal sealed record ActionItemRow(
    int ItemId,
    string Label,
    string Text,
    string? OwnerId,
    string? OwnerName,
    DateOnly? Due,
    ActionItemStatus Status);
