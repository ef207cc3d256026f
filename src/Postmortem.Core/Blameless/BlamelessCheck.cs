namespace Postmortem.Core.Blameless;

/// <summary>
/// Finds blame in free text as people write it, and leaves process talk alone: a person (a known name in any case,
/// a capitalised name in agent position, a role such as "the intern" or "the on-call guy", "someone"/"whoever", a
/// user or role mention) as the agent of a failure ("sam forgot to rotate the key", "the DBA's mistake", "dropped the
/// ball", "it's on Sam") is flagged; a system as the agent ("the deploy failed to roll back", "the alert should have
/// fired") is not, and neither are technical senses ("fault tolerance", "page fault", "git blame", "human error is a
/// symptom"). Each finding carries a rewording that fits its sentence. The rules are in <see cref="BlameRules"/>.
/// </summary>
public static class BlamelessCheck
{
    public const string ProcessSuggestion = Rewording.ProcessSuggestion;

    public const string JudgementSuggestion = Rewording.JudgementSuggestion;

    public const string HindsightSuggestion = Rewording.HindsightSuggestion;

    public const string HumanErrorSuggestion = Rewording.HumanErrorSuggestion;

    public const string ForgotSuggestion = Rewording.ForgotSuggestion;

    /// <summary>The findings in <paramref name="text"/>, in text order.</summary>
    /// <param name="text">What someone wrote.</param>
    /// <param name="names">Names the caller knows are people (see <see cref="KnownNames"/>); none when null.</param>
    /// <param name="place">Where the text was written; in action items names are owners, not culprits.</param>
    public static IReadOnlyList<BlamelessFinding> Check(string? text, KnownNames? names = null, BlamelessPlace place = BlamelessPlace.Narrative)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = BlameTokenizer.Tokenize(text);
        var hits = BlameRules.Find(text, tokens, names ?? KnownNames.None, place);
        var findings = new List<BlamelessFinding>(hits.Count);
        foreach (var hit in hits)
        {
            var start = tokens[hit.First].Start;
            var end = tokens[hit.Last].End;
            findings.Add(new BlamelessFinding(start, end - start, hit.Kind, text[start..end], hit.Suggestion));
        }

        return findings;
    }
}
