using System.Text;
using static Postmortem.Core.Blameless.BlameLexicon;

namespace Postmortem.Core.Blameless;

/// <summary>
/// Process-focused rewordings that fit the sentence: the person leaves, the step or safeguard that was missing takes
/// their place ("sam forgot to rotate the key" -> "the process had no reminder or automatic step to rotate the key").
/// Built from the words after the finding; when they do not make a sentence, a general question instead.
/// </summary>
internal sealed class Rewording(string text, List<BlameToken> t)
{
    public const string ProcessSuggestion =
        "Describe what in the process allowed this: what made the mistake easy to make and hard to notice? "
        + "(e.g. \"the release checklist had no step for …\")";

    public const string JudgementSuggestion =
        "Describe the conditions (time pressure, missing checks, unclear docs) rather than judging a person.";

    public const string HindsightSuggestion =
        "Ask what would have made it known in time: which check, alert or review step was missing?";

    public const string HumanErrorSuggestion =
        "Human error is a starting point, not a root cause: ask why the process let the error through.";

    public const string ForgotSuggestion =
        "Describe the missing safeguard: what would have reminded anyone in that position, or made the step automatic?";

    public const string MistakeSuggestion =
        "Describe what in the tooling or process allowed this and what would have caught it (a confirmation, a dry run, a guard rail).";

    public const string ItsOnSuggestion =
        "Outcomes belong to the process: name the step or safeguard that was missing (\"the release checklist had no step for …\"), not whose it was.";

    public const string CarelessMistakeSuggestion =
        "Describe what made this easy to get wrong for anyone in that position (onboarding, docs, guard rails), not how it looks.";

    private const string Ask = " What would have caught it?";

    public char CharAt(int index) => index < text.Length ? text[index] : ' ';

    /// <summary>"Lee's typo in the config took the site down" -> "A typo in the config took the site down."</summary>
    public string Possessive(int start, int possessor, int fault)
    {
        var noun = t[fault].Stem;
        if (noun is "fault" or "faults" or "doing" or "failure")
        {
            return ProcessSuggestion;
        }

        if (JudgingFaultNouns.Contains(noun))
        {
            return JudgementSuggestion;
        }

        var from = fault;
        while (from > possessor + 1 && t[from - 1].Kind == TokenKind.Word && !DroppedInRewording.Contains(t[from - 1].Lower))
        {
            from--;
        }

        var sentence = SentenceBounds(start);
        var before = text[t[sentence.First].Start..t[start].Start];
        var after = Span(from, sentence.End).TrimEnd();
        if (after.Length == 0)
        {
            return ProcessSuggestion;
        }

        var article = "aeiou".Contains(char.ToLowerInvariant(after[0]), StringComparison.Ordinal) ? "an " : "a ";
        var rewritten = before + article + after;
        return Try(Capitalise(rewritten.Trim()), Ask);
    }

    /// <summary>"failed to notify the team", "forgot to rotate the key": the step the process did not have.</summary>
    public string StepTo(int verb)
    {
        var step = Span(verb, ClauseEnd(verb));
        if (step.Length == 0)
        {
            return ForgotSuggestion;
        }

        return Communication.Contains(t[verb].Lower)
            ? Try($"the incident process had no clear step or owner to {step}", "")
            : Try($"the process had no reminder or automatic step to {step}", "");
    }

    public string Omission(VerbForms verb, int after)
    {
        // "Nadia forgot, again, to drain the node".
        var k = after;
        while (k < t.Count && (t[k].Kind == TokenKind.ClauseEnd || (t[k].Kind == TokenKind.Word && BetweenAgentAndVerb.Contains(t[k].Lower))))
        {
            k++;
        }

        if (k > after && WordAt(k, "to"))
        {
            after = k;
        }

        if (WordAt(after, "to"))
        {
            return StepTo(after + 1);
        }

        var (obj, rest) = ObjectAndRest(after);
        if (obj.Length == 0)
        {
            return ForgotSuggestion;
        }

        return verb.Base switch
        {
            "skip" or "bypass" => Try($"{Capitalise(obj)} {Was(obj)} not a required step{Tail(Located(rest))}, so it could be skipped", " What would make it one?"),
            "forget" or "neglect" => Try($"nothing in the process checked {obj}{Tail(rest)}", ""),
            _ => Try($"{Capitalise(obj)}{Tail(Located(rest))} {Was(obj)} easy to miss", " What would have made it stand out, or stopped the next step?"),
        };
    }

    public string Botch(VerbForms verb, int at, int after)
    {
        if (verb.Base == "sleep")
        {
            var (missed, _) = ObjectAndRest(after);
            return missed.Length == 0 ? ForgotSuggestion : Try($"{Capitalise(missed)} did not reach anyone who could act", " What would have escalated them?");
        }

        var (obj, rest) = ObjectAndRest(after, wholeClause: verb.Base == "mix");
        rest = Located(rest);
        if (obj.Length == 0 || obj is "it" or "things")
        {
            return MistakeSuggestion;
        }

        return verb.Base switch
        {
            "break" => Try($"{Capitalise(obj)} broke{Tail(rest)}", " What let the change through, and what would have caught it first?"),
            "mix" => Try($"{Capitalise(obj)} were easy to mix up", " What would keep them apart?"),
            _ when verb.Base.StartsWith("mis", StringComparison.Ordinal) || verb.Base is "fat-finger" =>
                Try($"{Capitalise(obj)} {Was(obj)} {verb.Participle}{Tail(rest)}", " What would have validated it before it took effect?"),
            _ => Try($"{Capitalise(obj)} went wrong{Tail(rest)}", " What made it easy to get wrong, and what would have caught it?"),
        };
    }

    public string Mishap(VerbForms verb, int at, int after)
    {
        var (obj, rest) = ObjectAndRest(after);
        if (obj.Length == 0 || obj is "it" or "this" or "that")
        {
            return MistakeSuggestion;
        }

        var particle = after - 1 > at ? " " + t[after - 1].Lower : "";
        return Try($"{Capitalise(obj)} {Was(obj)} {verb.Participle}{particle}{Tail(rest)}", " What in the tooling or process allowed that, and what would have caught it?");
    }

    /// <summary>"didn't test the restore" -> "nothing in the process required the restore to be tested".</summary>
    public string NotDone(int verb)
    {
        // "didn't bother to check", "didn't bother running the suite".
        if (t[verb].Lower is "bother" or "bothered")
        {
            return WordAt(verb + 1, "to") ? StepTo(verb + 2)
                : verb + 1 < t.Count && t[verb + 1].Lower.EndsWith("ing", StringComparison.Ordinal) ? Try($"the process had no reminder or automatic step for {Span(verb + 1, ClauseEnd(verb + 1))}", "")
                : ForgotSuggestion;
        }

        var (obj, rest) = ObjectAndRest(verb + 1);
        if (obj.Length == 0 || obj is "it" or "this" or "that" or "anyone" or "anything")
        {
            return ForgotSuggestion;
        }

        return Try($"nothing in the process required {obj} to be {Participle(t[verb].Lower)}{Tail(rest)}", "");
    }

    public string Hindsight(int verb)
    {
        var word = t[verb].Lower;
        var (obj, rest) = ObjectAndRest(verb + 1);
        if (obj.Length == 0 || obj is "it" or "this" or "that")
        {
            return HindsightSuggestion;
        }

        if (Perception.Contains(word))
        {
            return word is "known" or "realised" or "realized" or "understood"
                ? HindsightSuggestion
                : Try($"nothing made {obj} visible in time", " Which check, alert or review step was missing?");
        }

        return Try($"the process did not require {obj} to be {Participle(word)}{Tail(rest)}", " Which step, check or reminder was missing?");
    }

    public string Attitude(int after)
    {
        var k = after;
        while (WordAt(k, "enough") || WordAt(k, "to"))
        {
            k++;
        }

        return k > after && WordAt(k - 1, "to") ? StepTo(k) : JudgementSuggestion;
    }

    public string Idiom(IdiomKind kind, int after) => kind switch
    {
        IdiomKind.DroppedTheBall when WordAt(after, "on") && ObjectAndRest(after + 1).Object is { Length: > 0 } obj && obj is not ("this" or "it") =>
            Try($"{Capitalise(obj)} had no clear owner or follow-up step", " Who was expected to pick it up, and how would they know?"),
        IdiomKind.DroppedTheBall => "Describe the hand-off that was missing: which step had no clear owner or reminder?",
        IdiomKind.RubberStamped =>
            "Describe what the review lacked: what would make a careful review easy here (a smaller change, a checklist, a second reviewer, time)?",
        IdiomKind.NotPayingAttention =>
            "Describe what made the signal easy to miss (alert noise, fatigue, a crowded dashboard) rather than someone's attention.",
        IdiomKind.CouldNotBeBothered when WordAt(after, "to") => StepTo(after + 1),
        IdiomKind.CouldNotBeBothered => JudgementSuggestion,
        IdiomKind.CarelessMistake or IdiomKind.MadeAMistake => CarelessMistakeSuggestion,
        IdiomKind.Homework => "Describe what information was missing or hard to find, and where it should have been.",
        _ => ProcessSuggestion,
    };

    private static string Try(string rewording, string question) =>
        $"From who to what: \"{rewording.TrimEnd('.', ' ')}.\"{question}";

    private static string Tail(string rest) => rest.Length == 0 ? "" : " " + rest;

    // Only where-phrases fit after "was easy to miss" ("the warning in the deploy output").
    private static string Located(string rest) =>
        rest.StartsWith("in ", StringComparison.Ordinal) || rest.StartsWith("on ", StringComparison.Ordinal)
        || rest.StartsWith("from ", StringComparison.Ordinal) || rest.StartsWith("of ", StringComparison.Ordinal) ? rest : "";

    // "the alert thresholds were", "the config was": plural by the last word of the phrase.
    private static string Was(string phrase)
    {
        var last = phrase[(phrase.LastIndexOf(' ') + 1)..];
        return last.Length > 3 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) && !last.EndsWith("us", StringComparison.Ordinal)
               && !last.EndsWith("is", StringComparison.Ordinal) ? "were" : "was";
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private bool WordAt(int i, string word) => i < t.Count && t[i].IsWord(word);

    /// <summary>The object of a verb (up to a preposition or the clause's end) and what follows it in the clause.</summary>
    private (string Object, string After) ObjectAndRest(int from, bool wholeClause = false)
    {
        var end = ClauseEnd(from, wholeClause);
        var objectEnd = from;
        while (objectEnd < end && !(t[objectEnd].Kind == TokenKind.Word && ObjectEnders.Contains(t[objectEnd].Lower) && !(wholeClause && t[objectEnd].Lower == "and")))
        {
            objectEnd++;
        }

        return (Span(from, objectEnd), Span(objectEnd, end));
    }

    private int ClauseEnd(int from, bool throughAnd = false)
    {
        var end = from;
        while (end < t.Count && !t[end].IsBoundary
               && !(end > from && t[end].Kind == TokenKind.Word && (t[end].Lower is "because" or "but" or "so" or "which" or "while" or "when" or "since"
                                                                    || (t[end].Lower == "and" && !throughAnd))))
        {
            end++;
        }

        return end;
    }

    private (int First, int End) SentenceBounds(int i)
    {
        var first = i;
        while (first > 0 && t[first - 1].Kind != TokenKind.SentenceEnd)
        {
            first--;
        }

        var end = i;
        while (end < t.Count && t[end].Kind != TokenKind.SentenceEnd)
        {
            end++;
        }

        return (first, end);
    }

    private string Span(int from, int end) =>
        from >= end || from >= t.Count ? "" : text[t[from].Start..t[Math.Min(end, t.Count) - 1].End];

    /// <summary>The participle for "to be …": from the verb tables, the irregular table, or the regular rule.</summary>
    private static string Participle(string word)
    {
        if (IrregularParticiples.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if ((Omissions.Find(word) ?? Botches.Find(word) ?? Mishaps.Find(word)) is { } verb)
        {
            return verb.Participle;
        }

        if (word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word;
        }

        var stem = word;
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            stem = word[..^3];
            if (stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'f' or 'z'))
            {
                stem = stem[..^1];
            }

            if (IrregularParticiples.TryGetValue(stem, out irregular))
            {
                return irregular;
            }
        }

        var builder = new StringBuilder(stem);
        if (stem.EndsWith('e'))
        {
            return builder.Append('d').ToString();
        }

        if (stem.Length > 1 && stem[^1] == 'y' && !"aeiou".Contains(stem[^2], StringComparison.Ordinal))
        {
            return builder.Remove(builder.Length - 1, 1).Append("ied").ToString();
        }

        return builder.Append("ed").ToString();
    }
}
