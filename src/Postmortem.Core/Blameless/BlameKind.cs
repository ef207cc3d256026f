namespace Postmortem.Core.Blameless;

public enum BlameKind
{
    /// <summary>A person is named or mentioned; the document does not need names.</summary>
    Mention,

    /// <summary>Language that judges or blames people instead of describing the process.</summary>
    Blame,
}
