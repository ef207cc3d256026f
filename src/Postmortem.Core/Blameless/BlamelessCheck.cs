using System.Text.RegularExpressions;

namespace Postmortem.Core.Blameless;

/// <summary>
/// Flags chat mentions, @handles and blame language ("Felix's fault", "careless", "should have known",
/// "because Sam forgot") in free text, with a suggested process-focused rewording. Tuned for few false
/// positives: code spans, e-mail addresses, @here/@everyone, team mentions (@org/team), "blameless",
/// "default", "fault-tolerant", "lazy loading" and process gaps such as "we should have had an alert" pass.
/// </summary>
public static partial class BlamelessCheck
{
    public const string ProcessSuggestion =
        "Describe what in the process allowed this: what made the mistake easy to make and hard to notice?";

    public const string MentionSuggestion =
        "Leave names out: describe the role or the system instead (\"the release tooling\", \"a reviewer\").";

    public const string JudgementSuggestion =
        "Describe the conditions (time pressure, missing checks, unclear docs) rather than judging a person.";

    public const string HindsightSuggestion =
        "Ask what would have made it known in time: which check, alert or review step was missing?";

    public const string HumanErrorSuggestion =
        "Human error is a starting point, not a root cause: ask why the process let the error through.";

    public const string ForgotSuggestion =
        "Describe the missing safeguard: what would have reminded anyone in that position, or made the step automatic?";

    private static readonly (Func<Regex> Pattern, BlameKind Kind, string Suggestion)[] _rules =
    [
        (DiscordMention, BlameKind.Mention, MentionSuggestion),
        (Handle, BlameKind.Mention, MentionSuggestion),
        (Fault, BlameKind.Blame, ProcessSuggestion),
        (BlameWord, BlameKind.Blame, ProcessSuggestion),
        (Judgement, BlameKind.Blame, JudgementSuggestion),
        (ShouldHaveKnown, BlameKind.Blame, HindsightSuggestion),
        (PersonShouldHaveCaught, BlameKind.Blame, HindsightSuggestion),
        (ScrewedUp, BlameKind.Blame, ProcessSuggestion),
        (HumanError, BlameKind.Blame, HumanErrorSuggestion),
        (PersonForgot, BlameKind.Blame, ForgotSuggestion),
        (BecausePersonDidNot, BlameKind.Blame, ForgotSuggestion),
    ];

    public static IReadOnlyList<BlamelessFinding> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var code = CodeSpan().Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var findings = new List<BlamelessFinding>();
        foreach (var (pattern, kind, suggestion) in _rules)
        {
            foreach (Match match in pattern().Matches(text))
            {
                var start = match.Index;
                var end = start + match.Length;
                if (code.Any(c => start < c.End && end > c.Index) || findings.Any(f => start < f.Start + f.Length && end > f.Start))
                {
                    continue;
                }

                findings.Add(new BlamelessFinding(start, match.Length, kind, match.Value, suggestion));
            }
        }

        findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return findings;
    }

    [GeneratedRegex(@"```.*?```|`[^`\n]*`", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    // <@123> and <@!123> are user mentions; roles (<@&1>) and channels (<#1>) are not people.
    [GeneratedRegex(@"<@!?\d{1,20}>")]
    private static partial Regex DiscordMention();

    // Not e-mail (a word character before @), not @here/@everyone, not team mentions like @rust-lang/compiler.
    [GeneratedRegex(@"(?<![\w.@/+\-])@(?!(?:here|everyone|channel)\b)(?>[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*)(?![/@])")]
    private static partial Regex Handle();

    [GeneratedRegex(@"\b(?:\w+['’]s|his|her|their|my|your|our)\s+fault\b|\bfault\s+of\b|\bat\s+fault\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fault();

    // "blameless" is the goal, and "no one is to blame" / "we don't blame" say so.
    [GeneratedRegex(@"(?<!\b(?:no\s+one\s+is\s+to|nobody\s+is\s+to|not|never|without)\s+|n['’]t\s+)\bblam(?:e|es|ed|ing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlameWord();

    // "lazy" is mostly a technical word (lazy loading, lazy statics); only the judgement use is flagged.
    [GeneratedRegex(@"\b(?:careless(?:ly|ness)?|slopp(?:y|ily|iness)|incompeten(?:t|ce)|negligen(?:t|ce)|reckless(?:ly|ness)?|stupid(?:ity)?|idiot(?:s|ic)?|clueless|lazy(?![\s\-_]*(?:evaluat|load|init|static|iter|eval|val|seq|list|stream|once|cell|lock|compil|<)))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Judgement();

    [GeneratedRegex(@"\bshould(?:\s+have|['’]ve)\s+known\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShouldHaveKnown();

    // "The tests should have caught it" is a process gap; "Sam/he/the reviewer should have caught it" is blame.
    [GeneratedRegex(@"(?:\b(?i:he|she|they|you|I|someone|somebody|the\s+(?:reviewer|author|engineer|developer|maintainer|on-?call)s?|reviewers?)|" + NameWord + @")\s+(?i:really\s+)?(?i:should)(?:\s+(?i:have)|['’]ve)\s+(?i:caught|noticed|spotted|checked|realized|realised|seen|tested|reviewed)\b")]
    private static partial Regex PersonShouldHaveCaught();

    [GeneratedRegex(@"\b(?:screwed\s+up|screw-?ups?|dropped\s+the\s+ball)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScrewedUp();

    [GeneratedRegex(@"\bhuman\s+errors?\b", RegexOptions.IgnoreCase)]
    private static partial Regex HumanError();

    [GeneratedRegex(@"(?:\b(?i:he|she|they)|" + NameWord + @")\s+(?i:forgot|neglected|ignored|didn['’]t\s+bother)\b")]
    private static partial Regex PersonForgot();

    [GeneratedRegex(@"\b(?i:because|since)\s+(?:(?i:he|she)|" + NameWord + @")\s+(?i:didn['’]t|did\s+not|failed\s+to|never|missed)\b")]
    private static partial Regex BecausePersonDidNot();

    // A capitalised word that is likely a person's name rather than a sentence-initial word or a product.
    private const string NameWord =
        @"\b(?!(?:The|This|That|These|Those|It|We|They|Our|Their|Its|No|Nobody|Nothing|Everyone|Everybody|Someone|Somebody|" +
        @"Anyone|A|An|If|When|Then|So|But|And|Or|Because|Since|As|CI|Tests?|Testing|Monitoring|Alerting|Review|Crater|" +
        @"Cargo|Rustup|Rustc|Bors|Beta|Nightly|Stable|Docs|Release|Nobody)\b)[A-Z][a-z]+(?:['’]s)?";
}
