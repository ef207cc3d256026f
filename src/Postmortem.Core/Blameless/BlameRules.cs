using static Postmortem.Core.Blameless.BlameLexicon;

namespace Postmortem.Core.Blameless;

/// <summary>A rule's finding, as token indexes (inclusive) and the rewording for it.</summary>
internal readonly record struct BlameHit(int First, int Last, BlameKind Kind, string Suggestion);

/// <summary>
/// Every rule of the blameless check, in one place. The question each rule asks is who did it: a person (a known
/// name in any case, a capitalised unknown name in agent position, a role noun, "someone", a user or role mention)
/// as the agent of a failure is blame; a system or process as the agent ("the deploy failed to roll back") is not.
/// Possessive faults, blaming idioms, judgements and blame said outright are caught on their own. The words are in
/// <see cref="BlameLexicon"/>; the rewordings in <see cref="Rewording"/>.
/// </summary>
internal sealed class BlameRules
{
    private readonly List<BlameToken> _t;
    private readonly KnownNames _names;
    private readonly BlamelessPlace _place;
    private readonly Rewording _reword;
    private readonly List<BlameHit> _hits = [];

    private BlameRules(string text, List<BlameToken> tokens, KnownNames names, BlamelessPlace place)
    {
        _t = tokens;
        _names = names;
        _place = place;
        _reword = new Rewording(text, tokens);
    }

    public static List<BlameHit> Find(string text, List<BlameToken> tokens, KnownNames names, BlamelessPlace place)
    {
        var rules = new BlameRules(text, tokens, names, place);
        rules.Run();
        return rules._hits;
    }

    private void Run()
    {
        for (var i = 0; i < _t.Count; i++)
        {
            if (_hits.Count > 0 && i <= _hits[^1].Last)
            {
                continue;
            }

            _ = PossessiveFault(i) || PronounFault(i) || Idiom(i) || ItsOn(i) || CarelessMistake(i) || FailedTo(i)
                || Hindsight(i) || Negated(i) || Omission(i) || Botch(i) || Mishap(i) || Attitude(i) || FaultOf(i)
                || Judgement(i) || BlameWord(i) || HumanError(i);
        }
    }

    // ---- Who did it ----

    private static bool Satisfies(AgentNeed need, Agent agent) => need switch
    {
        AgentNeed.Person => agent == Agent.Person,
        AgentNeed.NotSystem => agent != Agent.System,
        _ => true,
    };

    /// <summary>The agent of the verb at <paramref name="verb"/>, and the index its noun phrase starts at.</summary>
    private (Agent Agent, int Start) AgentOf(int verb)
    {
        var i = verb - 1;
        while (i >= 0 && _t[i].Kind == TokenKind.Word && BetweenAgentAndVerb.Contains(_t[i].Lower))
        {
            i--;
        }

        if (i < 0 || _t[i].IsBoundary)
        {
            return (Agent.None, verb);
        }

        var head = _t[i];
        if (head.Kind == TokenKind.Word && Coordinators.Contains(head.Lower))
        {
            // The span shown starts at the second verb: the subject was already shown with the first one.
            return SubjectBefore(i) is not null ? (Agent.Person, verb) : (Agent.None, verb);
        }

        if (head.Kind == TokenKind.Word && (ClauseOpeners.Contains(head.Lower) || PassiveAuxiliaries.Contains(head.Lower)))
        {
            return (Agent.None, verb);
        }

        // "the broken login": after a determiner the verb form is an adjective, and nobody is its agent.
        if (head.Kind == TokenKind.Word && Determiners.Contains(head.Lower) && head.Lower is not ("this" or "that" or "these" or "those" or "one"))
        {
            return (Agent.System, i);
        }

        var agent = PersonAt(i);
        if (agent != Agent.System)
        {
            return (agent, PhraseStart(i));
        }

        return RelativeSubject(i) is { } start ? (Agent.Person, start) : (Agent.System, i);
    }

    /// <summary>Whether the token at <paramref name="i"/>, as the head of a noun phrase, is a person.</summary>
    private Agent PersonAt(int i)
    {
        var t = _t[i];
        if (t.IsMention)
        {
            return _place == BlamelessPlace.ActionItem ? Agent.None : Agent.Person;
        }

        if (t.Kind != TokenKind.Word || t.Possessive)
        {
            return Agent.System;
        }

        var word = t.Stem;
        if (PersonPronouns.Contains(word) || Indefinites.Contains(word))
        {
            return Agent.Person;
        }

        if (NegativeIndefinites.Contains(word) || (word == "one" && i > 0 && _t[i - 1].IsWord("no")))
        {
            return Agent.Nobody;
        }

        if (IsRole(i))
        {
            return Agent.Person;
        }

        if (IsName(i))
        {
            return _place == BlamelessPlace.ActionItem ? Agent.None : Agent.Person;
        }

        return Agent.System;
    }

    private bool IsRole(int i)
    {
        var word = _t[i].Stem;
        if (!RoleNouns.Contains(word))
        {
            return false;
        }

        // "the Kubernetes operator" is software.
        return !(word.StartsWith("operator", StringComparison.Ordinal) && i > 0 && _t[i - 1] is { Kind: TokenKind.Word, Capitalised: true } before
                 && !IsSentenceStart(i - 1) && !_names.Contains(before.Stem, true));
    }

    /// <summary>A known name in any case, or a capitalised word that can only be a name where it stands.</summary>
    private bool IsName(int i)
    {
        var t = _t[i];
        if (i > 0 && _t[i - 1].Kind == TokenKind.Word && Determiners.Contains(_t[i - 1].Lower))
        {
            return false;
        }

        if (_names.Contains(t.Stem, t.Capitalised))
        {
            return true;
        }

        return LooksLikeName(i);
    }

    private bool LooksLikeName(int i)
    {
        var t = _t[i];
        if (!t.Capitalised || t.Stem.Length < 2 || !char.IsLower(_reword.CharAt(t.Start + 1)) || NotNames.Contains(t.Stem)
            || Products.Contains(t.Stem) || RoleNouns.Contains(t.Stem) || t.Stem.EndsWith("ing", StringComparison.Ordinal) || t.Stem.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        // "GitHub Actions": a capitalised word after a product name is part of it.
        return !(i > 0 && _t[i - 1] is { Kind: TokenKind.Word, Capitalised: true } before && Products.Contains(before.Stem));
    }

    private bool IsSentenceStart(int i) => i == 0 || _t[i - 1].Kind == TokenKind.SentenceEnd;

    /// <summary>"Someone on the team must have disabled the check and | forgot about it": the first clause's subject.</summary>
    private int? SubjectBefore(int coordinator)
    {
        var start = ClauseStart(coordinator - 1);
        for (var j = start; j < coordinator && j < start + 4; j++)
        {
            var t = _t[j];
            if (t.Kind == TokenKind.Word && (Determiners.Contains(t.Lower) || BetweenAgentAndVerb.Contains(t.Lower)))
            {
                continue;
            }

            if (PersonAt(j) == Agent.Person)
            {
                return start;
            }

            if (t.Kind == TokenKind.Word && (Omissions.Find(t.Lower) ?? Botches.Find(t.Lower) ?? Mishaps.Find(t.Lower)) is not null)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>"The developer who wrote the script | never tested it", "Whoever merged this | never ran it".</summary>
    private int? RelativeSubject(int head)
    {
        var start = ClauseStart(head);
        var j = start;
        while (j < head && _t[j].Kind == TokenKind.Word && Determiners.Contains(_t[j].Lower))
        {
            j++;
        }

        if (j >= head || PersonAt(j) != Agent.Person)
        {
            return null;
        }

        if (_t[j].IsWord("whoever") || (j + 1 <= head && _t[j + 1].Kind == TokenKind.Word && PersonPrepositions.Contains(_t[j + 1].Lower)))
        {
            return start;
        }

        for (var k = j + 1; k <= head; k++)
        {
            if (_t[k].Kind == TokenKind.Word && RelativeWords.Contains(_t[k].Lower))
            {
                return start;
            }
        }

        return null;
    }

    private int ClauseStart(int i)
    {
        while (i > 0 && !_t[i - 1].IsBoundary && !(_t[i - 1].Kind == TokenKind.Word && ClauseOpeners.Contains(_t[i - 1].Lower)))
        {
            i--;
        }

        return Math.Max(i, 0);
    }

    private int SentenceEnd(int i)
    {
        while (i < _t.Count && _t[i].Kind != TokenKind.SentenceEnd)
        {
            i++;
        }

        return i;
    }

    /// <summary>Back from a head noun to its determiner ("the on-call guy"), for the span shown to the author.</summary>
    private int PhraseStart(int head)
    {
        for (var j = head - 1; j >= 0 && j >= head - 3; j--)
        {
            var t = _t[j];
            if (t.Kind != TokenKind.Word || ClauseOpeners.Contains(t.Lower) || BetweenAgentAndVerb.Contains(t.Lower))
            {
                break;
            }

            if (Determiners.Contains(t.Lower))
            {
                return j;
            }
        }

        return head;
    }

    private bool WordAt(int i, string word) => i < _t.Count && _t[i].IsWord(word);

    private bool WordIn(int i, FrozenWords words) => i < _t.Count && _t[i].Kind == TokenKind.Word && words.Contains(_t[i].Lower);

    // A coordinated verb reaches back to the first clause's subject; the span shown starts after the previous finding.
    private void Hit(int first, int last, BlameKind kind, string suggestion) =>
        _hits.Add(new BlameHit(_hits.Count > 0 ? Math.Max(first, _hits[^1].Last + 1) : first, last, kind, suggestion));

    // ---- The rules ----

    /// <summary>"Lee's typo", "the DBA's mistake", "&lt;@1&gt;'s fault", "Marta's sloppy merge"; not "Sam's team".</summary>
    private bool PossessiveFault(int i)
    {
        var t = _t[i];
        if (!t.Possessive || !IsPossessorPerson(i))
        {
            return false;
        }

        var fault = FaultAfter(i + 1, allowModifier: true);
        if (fault is not { } at)
        {
            return false;
        }

        var start = t.IsMention || !RoleNouns.Contains(t.Stem) ? i : PhraseStart(i);
        Hit(start, at, BlameKind.Possessive, _reword.Possessive(start, i, at));
        return true;
    }

    private bool IsPossessorPerson(int i)
    {
        var t = _t[i];
        if (t.IsMention)
        {
            return _place != BlamelessPlace.ActionItem;
        }

        var stem = t.Stem;
        return Indefinites.Contains(stem) || RoleNouns.Contains(stem)
               || (_place != BlamelessPlace.ActionItem && (_names.Contains(stem, t.Capitalised) || LooksLikeName(i)));
    }

    /// <summary>The index of a fault noun right after a possessor ("typo", "bad merge", "copy-paste error").</summary>
    private int? FaultAfter(int i, bool allowModifier)
    {
        if (i >= _t.Count || _t[i].Kind != TokenKind.Word)
        {
            return null;
        }

        var word = _t[i].Lower;
        if (DroppedInRewording.Contains(word) || word is "wrong")
        {
            return i + 1 < _t.Count && _t[i + 1].Kind == TokenKind.Word ? i + 1 : i;
        }

        if (FaultNouns.Contains(word))
        {
            return WordIn(i + 1, TechnicalAfterFault) ? null : i;
        }

        return allowModifier ? FaultAfter(i + 1, allowModifier: false) : null;
    }

    /// <summary>"his fault", "their mistake"; not "their error handling".</summary>
    private bool PronounFault(int i)
    {
        if (!WordIn(i, PronounPossessives) || FaultAfter(i + 1, allowModifier: false) is not { } at)
        {
            return false;
        }

        Hit(i, at, BlameKind.Possessive, _reword.Possessive(i, i, at));
        return true;
    }

    /// <summary>The phrases in <see cref="BlameLexicon.Idioms"/>, each with the agent it needs.</summary>
    private bool Idiom(int i)
    {
        if (_t[i].Kind != TokenKind.Word)
        {
            return false;
        }

        foreach (var phrase in Idioms)
        {
            var last = Match(phrase.Words, i);
            if (last < 0)
            {
                continue;
            }

            var (agent, start) = phrase.Need == AgentNeed.Any ? (Agent.None, i) : AgentOf(i);
            if (!Satisfies(phrase.Need, agent))
            {
                continue;
            }

            Hit(Math.Min(start, i), last, BlameKind.Idiom, _reword.Idiom(phrase.Kind, last + 1));
            return true;
        }

        return false;
    }

    private bool Sequence(string[] words, int i)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (!WordAt(i + w, words[w]))
            {
                return false;
            }
        }

        return true;
    }

    private int Match(string[][] words, int i)
    {
        for (var w = 0; w < words.Length; w++, i++)
        {
            if (i >= _t.Count || _t[i].Kind != TokenKind.Word || Array.IndexOf(words[w], _t[i].Lower) < 0)
            {
                return -1;
            }
        }

        return i - 1;
    }

    /// <summary>"it's on Sam", "this one is on jonas", "It's on the intern"; not "Sam is on call" or "on the platform team".</summary>
    private bool ItsOn(int i)
    {
        if (!_t[i].IsWord("on") || i == 0 || _t[i - 1].Kind != TokenKind.Word)
        {
            return false;
        }

        var before = _t[i - 1].Lower;
        var itSubject = before is "it's" or "that's" or "this's"
                        || (before is "is" or "was" && i >= 2 && _t[i - 2].Kind == TokenKind.Word && _t[i - 2].Lower is "it" or "this" or "that" or "one" or "thing");
        if (!itSubject && before is not ("is" or "was"))
        {
            return false;
        }

        var k = i + 1;
        while (k < _t.Count && _t[k].Kind == TokenKind.Word && _t[k].Lower is "the" or "our" or "my" or "your")
        {
            k++;
        }

        if (k >= _t.Count || WordIn(k, OnNotPerson))
        {
            return false;
        }

        var t = _t[k];
        var person = t.IsMention ? _place != BlamelessPlace.ActionItem
            : t.Kind == TokenKind.Word && ((RoleNouns.Contains(t.Stem) && t.Stem is not ("team" or "teams"))
                                           || (_place != BlamelessPlace.ActionItem && _names.Contains(t.Stem, t.Capitalised))
                                           || (itSubject && _place != BlamelessPlace.ActionItem && LooksLikeName(k))
                                           || (itSubject && t.Lower is "him" or "her" or "them" or "me" or "you"));
        if (!person)
        {
            return false;
        }

        Hit(i - 1, k, BlameKind.Idiom, Rewording.ItsOnSuggestion);
        return true;
    }

    /// <summary>"a rookie mistake", "a silly error": the mistake judged, whoever made it.</summary>
    private bool CarelessMistake(int i)
    {
        if (!WordIn(i, MistakeJudgements) || !WordIn(i + 1, MistakeNouns))
        {
            return false;
        }

        Hit(i, i + 1, BlameKind.Idiom, Rewording.CarelessMistakeSuggestion);
        return true;
    }

    /// <summary>"Ravi failed to notify the team" (a person); "the deploy failed to roll back" (a system) passes.</summary>
    private bool FailedTo(int i)
    {
        if (!WordIn(i, FailForms) || !WordAt(i + 1, "to") || i + 2 >= _t.Count || _t[i + 2].Kind != TokenKind.Word)
        {
            return false;
        }

        var (agent, start) = AgentOf(i);
        if (agent != Agent.Person)
        {
            return false;
        }

        Hit(start, i + 2, BlameKind.PersonAsAgent, _reword.StepTo(i + 2));
        return true;
    }

    /// <summary>"Kofi should have double-checked the config", "the reviewer should've caught it"; not "the alert should have fired".</summary>
    private bool Hindsight(int i)
    {
        var t = _t[i];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        var k = t.Lower switch
        {
            "should've" or "shouldn't've" => i + 1,
            "should" or "shouldn't" when WordAt(i + 1, "have") => i + 2,
            "should" when WordAt(i + 1, "not") && WordAt(i + 2, "have") => i + 3,
            "ought" when WordAt(i + 1, "to") && WordAt(i + 2, "have") => i + 3,
            _ => -1,
        };
        while (k > 0 && k < _t.Count && WordIn(k, BetweenAgentAndVerb) && !WordAt(k, "had"))
        {
            k++;
        }

        if (k < 0 || k >= _t.Count || _t[k].Kind != TokenKind.Word || _t[k].Lower is "been" or "had" or "to")
        {
            return false;
        }

        var (agent, start) = AgentOf(i);
        if (!(agent == Agent.Person || (agent == Agent.None && IsSentenceStart(i))))
        {
            return false;
        }

        Hit(start, k, BlameKind.Hindsight, _reword.Hindsight(k));
        return true;
    }

    /// <summary>"marta never updated the record", "Lena didn't test the restore", "sam not following the runbook".</summary>
    private bool Negated(int i)
    {
        var t = _t[i];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        var k = t.Lower switch
        {
            "didn't" or "never" or "hasn't" or "haven't" or "hadn't" or "doesn't" or "don't" => i + 1,
            "did" or "does" or "do" or "has" or "had" when WordAt(i + 1, "not") => i + 2,
            "not" when i > 0 && PersonAt(i - 1) == Agent.Person => i + 1,
            _ => -1,
        };
        while (k > 0 && k < _t.Count && WordIn(k, BetweenAgentAndVerb))
        {
            k++;
        }

        if (k < 0 || k >= _t.Count || _t[k].Kind != TokenKind.Word || NegationNotBlame.Contains(_t[k].Lower)
            || Determiners.Contains(_t[k].Lower) || !LooksLikeVerb(t.Lower, _t[k].Lower))
        {
            return false;
        }

        var (agent, start) = t.Lower == "not" ? (Agent.Person, PhraseStart(i - 1)) : AgentOf(i);
        if (agent != Agent.Person)
        {
            return false;
        }

        Hit(start, k, BlameKind.PersonAsAgent, _reword.NotDone(k));
        return true;
    }

    // After "never" a past form, after "not" a gerund; after "didn't" any word is the verb.
    private static bool LooksLikeVerb(string negation, string word) => negation switch
    {
        "never" or "hasn't" or "haven't" or "hadn't" => word.EndsWith("ed", StringComparison.Ordinal) || IrregularParticiples.ContainsKey(word)
                                                        || (Omissions.Find(word) ?? Botches.Find(word) ?? Mishaps.Find(word)) is { } verb && word != verb.Base,
        "not" => word.EndsWith("ing", StringComparison.Ordinal),
        _ => true,
    };

    /// <summary>"sam forgot to rotate the key", "the intern skipped the dry run"; not "the pipeline skipped the stage".</summary>
    private bool Omission(int i)
    {
        if (_t[i].Kind != TokenKind.Word || Omissions.Find(_t[i].Lower) is not { } verb || _t[i].Lower == verb.Base)
        {
            return false;
        }

        var o = i + 1;
        while (WordIn(o, Determiners))
        {
            o++;
        }

        if (WordIn(o, HarmlessObjects))
        {
            return false;
        }

        var (agent, start) = AgentOf(i);
        if (agent != Agent.Person)
        {
            return false;
        }

        Hit(start, i, BlameKind.PersonAsAgent, _reword.Omission(verb, i + 1));
        return true;
    }

    /// <summary>"ana botched the renewal", "Chen screwed up the cutover", "Ravi broke the build".</summary>
    private bool Botch(int i)
    {
        if (_t[i].Kind != TokenKind.Word || Botches.Find(_t[i].Lower) is not { } verb || (_t[i].Lower == verb.Base && verb.Base != verb.Past))
        {
            return false;
        }

        var last = i;
        if (BotchParticles.TryGetValue(verb.Base, out var particles))
        {
            last = WordIn(i + 1, particles) ? i + 1 : WordIn(i + 2, particles) ? i + 2 : -1;
            if (last < 0)
            {
                return false;
            }
        }

        var (agent, start) = AgentOf(i);
        if (agent != Agent.Person)
        {
            return false;
        }

        Hit(start, last, BlameKind.PersonAsAgent, _reword.Botch(verb, i, last + 1));
        return true;
    }

    /// <summary>An ordinary action by a person that the sentence says went wrong: "the intern deleted the production bucket".</summary>
    private bool Mishap(int i)
    {
        if (_t[i].Kind != TokenKind.Word || Mishaps.Find(_t[i].Lower) is not { } verb || (_t[i].Lower == verb.Base && verb.Base != verb.Past))
        {
            return false;
        }

        var last = i;
        if (MishapParticles.TryGetValue(verb.Base, out var particles))
        {
            if (!WordIn(i + 1, particles))
            {
                return false;
            }

            last = i + 1;
        }

        var (agent, start) = AgentOf(i);
        if (agent != Agent.Person || !SaysItWentWrong(start, last, verb))
        {
            return false;
        }

        Hit(start, last, BlameKind.PersonAsAgent, _reword.Mishap(verb, i, last + 1));
        return true;
    }

    private bool SaysItWentWrong(int from, int verb, VerbForms forms)
    {
        var end = SentenceEnd(verb);
        for (var j = from; j < end; j++)
        {
            foreach (var marker in MishapMarkers)
            {
                if (Sequence(marker, j))
                {
                    return true;
                }
            }
        }

        if (!DestructiveVerbs.Contains(forms.Base))
        {
            return false;
        }

        for (var j = verb + 1; j < end && j <= verb + 4; j++)
        {
            if (_t[j].Kind == TokenKind.Word && DestructiveTargets.Contains(_t[j].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Nobody cared enough to test it", "nobody on the team took the warning seriously".</summary>
    private bool Attitude(int i)
    {
        if (!WordIn(i, Attitudes) || _t[i].Lower is "care" or "bother" or "listen" or "take")
        {
            return false;
        }

        if (_t[i].Lower == "took" && !Enumerable.Range(i + 1, Math.Max(0, Math.Min(6, SentenceEnd(i) - i - 1))).Any(j => _t[j].IsWord("seriously")))
        {
            return false;
        }

        var (agent, start) = AgentOf(i);
        var clause = ClauseStart(i);
        if (agent != Agent.Nobody && !(PersonAt(clause) == Agent.Nobody || (WordAt(clause, "no") && WordAt(clause + 1, "one"))))
        {
            return false;
        }

        Hit(agent == Agent.Nobody ? start : clause, i, BlameKind.PersonAsAgent, _reword.Attitude(i + 1));
        return true;
    }

    /// <summary>"the fault of the release manager", "Sam was at fault"; not "no one is at fault".</summary>
    private bool FaultOf(int i)
    {
        if (!_t[i].IsWord("fault"))
        {
            return false;
        }

        if (WordAt(i + 1, "of"))
        {
            var k = i + 2;
            while (WordIn(k, Determiners))
            {
                k++;
            }

            if (k < _t.Count && PersonAt(k) == Agent.Person)
            {
                Hit(i, k, BlameKind.Possessive, Rewording.ProcessSuggestion);
                return true;
            }

            return false;
        }

        if (i > 0 && _t[i - 1].IsWord("at") && !ClauseNegated(i))
        {
            Hit(i - 1, i, BlameKind.Possessive, Rewording.ProcessSuggestion);
            return true;
        }

        return false;
    }

    /// <summary>"careless", "sloppy", "negligent"; "lazy" only when it is not lazy loading.</summary>
    private bool Judgement(int i)
    {
        var t = _t[i];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        var dash = t.Lower.IndexOf('-', StringComparison.Ordinal);
        var word = dash < 0 ? t.Lower : t.Lower[..dash];
        if (!Judgements.Contains(word))
        {
            return false;
        }

        if (word == "lazy" && (dash >= 0 ? LazyTechnicalNext.Contains(t.Lower[(dash + 1)..]) : WordIn(i + 1, LazyTechnicalNext)))
        {
            return false;
        }

        Hit(i, i, BlameKind.Judgement, Rewording.JudgementSuggestion);
        return true;
    }

    /// <summary>"we blame the release manager", "Jordan is to blame"; not "git blame", "no one is to blame", "we don't blame".</summary>
    private bool BlameWord(int i)
    {
        var t = _t[i];
        if (t.Kind != TokenKind.Word || t.Lower is not ("blame" or "blames" or "blamed" or "blaming"))
        {
            return false;
        }

        if ((i > 0 && WordIn(i - 1, BlameToolBefore)) || WordIn(i + 1, BlameToolAfter) || ClauseNegated(i))
        {
            return false;
        }

        Hit(i, i, BlameKind.BlameWord, Rewording.ProcessSuggestion);
        return true;
    }

    private bool ClauseNegated(int i)
    {
        for (var j = ClauseStart(i); j < _t.Count && !_t[j].IsBoundary; j++)
        {
            var t = _t[j];
            if (t.Kind == TokenKind.Word && (Negations.Contains(t.Lower) || t.Lower.EndsWith("n't", StringComparison.Ordinal)
                                             || (t.Lower == "one" && j > 0 && _t[j - 1].IsWord("no"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Root cause: human error", "caused by human error"; not "human error is a symptom, not a cause".</summary>
    private bool HumanError(int i)
    {
        if (!_t[i].IsWord("human") || !(WordAt(i + 1, "error") || WordAt(i + 1, "errors")))
        {
            return false;
        }

        var seen = 0;
        for (var j = i - 1; j >= 0 && seen < 4 && _t[j].Kind != TokenKind.SentenceEnd; j--)
        {
            if (_t[j].Kind != TokenKind.Word)
            {
                continue;
            }

            seen++;
            if (CauseWords.Contains(_t[j].Lower))
            {
                Hit(i, i + 1, BlameKind.HumanError, Rewording.HumanErrorSuggestion);
                return true;
            }
        }

        return false;
    }
}
