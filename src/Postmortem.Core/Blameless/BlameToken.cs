namespace Postmortem.Core.Blameless;

internal enum TokenKind
{
    Word,

    /// <summary>&lt;@id&gt; or &lt;@!id&gt;.</summary>
    UserMention,

    /// <summary>&lt;@&amp;id&gt;: a role is people too.</summary>
    RoleMention,

    /// <summary>@name (not e-mail, not @here/@everyone, not @org/team).</summary>
    Handle,

    /// <summary>The end of a sentence (. ! ? ; a new line, a code span).</summary>
    SentenceEnd,

    /// <summary>A comma, colon, dash, bracket or quote: the end of a clause.</summary>
    ClauseEnd,
}

/// <summary>
/// One token of the text: where it is, its lower-case form (<see cref="Lower"/>, apostrophes as '), and the same
/// without a possessive ending (<see cref="Stem"/>: "lee's" -> "lee").
/// </summary>
internal readonly record struct BlameToken(TokenKind Kind, int Start, int Length, string Lower, string Stem, bool Capitalised, bool Possessive)
{
    public int End => Start + Length;

    public bool IsWord(string word) => Kind == TokenKind.Word && string.Equals(Lower, word, StringComparison.Ordinal);

    public bool IsBoundary => Kind is TokenKind.SentenceEnd or TokenKind.ClauseEnd;

    public bool IsMention => Kind is TokenKind.UserMention or TokenKind.RoleMention or TokenKind.Handle;
}
