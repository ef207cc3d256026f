namespace Postmortem.Core.Blameless;

/// <summary>The rewording an idiom gets (see <see cref="Rewording"/>).</summary>
internal enum IdiomKind
{
    DroppedTheBall,
    RubberStamped,
    NotPayingAttention,
    CouldNotBeBothered,
    CarelessMistake,
    MadeAMistake,
    Homework,
    ScrewUp,
}

/// <summary>
/// A blaming phrase as words separated by spaces, each word a list of alternatives separated by '|'
/// ("drop|dropped the ball"); <see cref="Need"/> says whose doing it must be.
/// </summary>
internal sealed class BlamePhrase(string pattern, AgentNeed need, IdiomKind kind)
{
    public string[][] Words { get; } = [.. pattern.Split(' ').Select(w => w.Split('|'))];

    public AgentNeed Need => need;

    public IdiomKind Kind => kind;
}
