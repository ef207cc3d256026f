namespace Postmortem.Core.Facilitation;

public enum SectionState
{
    Empty,
    Answered,
    Skipped,
    NeedsWork,
}

/// <summary>Where one template section stands, and what is still missing (the linter's messages for it).</summary>
public sealed record SectionProgress(string Key, string Title, SectionState State, IReadOnlyList<string> Missing);
