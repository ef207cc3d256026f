using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Commands;

/// <summary>
/// Someone saved a newer revision while the user was editing. The submitted text was kept as the unmerged
/// edit <see cref="UnmergedEditId"/>; the user should merge it with <see cref="CurrentText"/> and save again
/// with <see cref="CurrentRevision"/> as the base revision.
/// </summary>
public sealed record EditConflict(
    string Target,
    int BaseRevision,
    int CurrentRevision,
    string CurrentText,
    UserRef? CurrentAuthor,
    string SubmittedText,
    int UnmergedEditId)
{
    public string Message =>
        $"{CurrentAuthor?.DisplayName ?? "Someone"} saved a newer version while you were editing. "
        + "Your text was kept; please merge the two and save again.";
}
