using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Application;

/// <summary>One line of a postmortem list (pickers, autocomplete).</summary>
public sealed record PostmortemSummary(
    PostmortemId Id,
    string Title,
    PostmortemStatus Status,
    DateTimeOffset UpdatedAt,
    string? ThreadId = null);
